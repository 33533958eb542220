// Cross-plan analysis queries (docs/ANALYSIS.md), for Neo4j Browser or cypher-shell
// (cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -f docs/neo4j/analysis-queries.cypher).
// Every value is a parameter, set by the :param lines before its query; change them to ask about something else.

// 1. Per-plan distribution of tasks over government functions
MATCH (p:Plan)<-[:PART_OF]-(t:Task)-[:IN_DOMAIN]->(d:Domain)
WITH p, d, count(t) AS tasks
RETURN p.title AS plan, d.name AS domain, tasks
ORDER BY plan, d.order;

// 2. Plan-by-plan comparison for a government function, with the aligned tasks
:param domain => '公共服务';
MATCH (p:Plan)<-[:PART_OF]-(t:Task)-[:IN_DOMAIN]->(:Domain {name: $domain})
OPTIONAL MATCH (t)-[s:SIMILAR_TO]-(o:Task)
RETURN p.title AS plan, t.path AS path, t.title AS title,
       collect(DISTINCT {task: o.id, score: s.score, method: s.method}) AS alignedWith
ORDER BY plan, path;

// 3. Plan-by-plan comparison for a topic word
:param topic => '网络安全';
MATCH (p:Plan)<-[:PART_OF]-(t:Task)
WHERE t.title CONTAINS $topic OR t.text CONTAINS $topic
RETURN p.title AS plan, collect(t.path + ' ' + t.title) AS tasks
ORDER BY plan;

// 4. Aligned tasks across plans above a score
:param minScore => 0.5;
MATCH (a:Task)-[s:SIMILAR_TO]->(b:Task)
WHERE s.score >= $minScore
RETURN a.planId AS planA, a.path AS taskA, a.title AS titleA,
       b.planId AS planB, b.path AS taskB, b.title AS titleB, s.score AS score, s.method AS method
ORDER BY score DESC;

// 5. What each city task carries out in the provincial plan, with the evidence
MATCH (c:Task)-[i:IMPLEMENTS]->(p:Task)
RETURN c.planId AS cityPlan, c.path AS cityTask, c.title AS cityTitle,
       p.path AS provincialTask, p.title AS provincialTitle, i.score AS score, i.evidence AS evidence
ORDER BY cityPlan, score DESC;

// 6. A unit's workload across plans (its canonical name): led vs shared
:param name => '市大数据局';
MATCH (u:Unit {name: $name})-[r:RESPONSIBLE_FOR]->(t:Task)
OPTIONAL MATCH (other:Unit)-[:RESPONSIBLE_FOR]->(t) WHERE other <> u
WITH u, t, r, count(other) AS others
RETURN u.region AS region, t.planId AS plan,
       sum(CASE WHEN r.role = 'lead' OR (r.role = 'responsible' AND others = 0) THEN 1 ELSE 0 END) AS led,
       sum(CASE WHEN r.role = 'lead' OR (r.role = 'responsible' AND others = 0) THEN 0 ELSE 1 END) AS shared
ORDER BY region, plan;

// 7. Applications named by tasks of two or more plans
MATCH (a:Application)-[:IMPLEMENTS]->(t:Task)-[:PART_OF]->(p:Plan)
WITH a, collect(DISTINCT p.title) AS plans
WHERE size(plans) >= 2
RETURN a.name AS application, size(plans) AS planCount, plans
ORDER BY planCount DESC, application;

// 8. Targets by deadline year (null = not stated), with their task or plan
MATCH (o)-[:HAS_TARGET]->(g:Target)
RETURN g.year AS year, g.metric AS metric, g.comparator AS comparator, g.value AS value, g.unit AS unit,
       coalesce(o.title, o.id) AS owner, labels(o)[0] AS ownerKind
ORDER BY year, metric;
