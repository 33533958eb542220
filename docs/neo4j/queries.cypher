// Analyst queries for the 数字政府 plan knowledge graph (Neo4j Browser or cypher-shell).
// Parameters are set with :param lines first; change their values to ask about something else.
// Every node carries a model label (Plan, Task, Unit, Application, Section, Region, Domain, Target)
// plus the store's KgNode label. Roles on RESPONSIBLE_FOR: lead, co, responsible (order 1 = first listed).

// 1. What is in the graph: nodes per label and relationships per type
MATCH (n:KgNode)
UNWIND labels(n) AS label
WITH label WHERE label <> 'KgNode'
RETURN label, count(*) AS nodes
ORDER BY nodes DESC;

// 2. The plans: issuer, document number, date, region, and how many tasks each sets
MATCH (p:Plan)
OPTIONAL MATCH (t:Task)-[:PART_OF]->(p)
RETURN p.title AS plan, p.docNumber AS docNumber, p.issuer AS issuer, p.date AS date, p.region AS region,
       p.cited AS citedOnly, count(t) AS tasks
ORDER BY tasks DESC, plan;

// 3. Units leading the most tasks (an explicit lead, or the first unit listed for the task)
MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE r.role = 'lead' OR (r.role = 'responsible' AND r.order = 1)
RETURN u.region AS region, u.name AS unit, count(t) AS tasksLed,
       count(DISTINCT t.planId) AS plans
ORDER BY tasksLed DESC, unit
LIMIT 20;

// 4. All tasks of one unit, with its role in each
:param unitName => '市大数据局';
MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t:Task)
WHERE u.name = $unitName OR $unitName IN u.aliases
MATCH (t)-[:PART_OF]->(p:Plan)
RETURN u.region AS region, p.title AS plan, t.path AS path, t.title AS task, r.role AS role, r.order AS position
ORDER BY region, plan, path;

// 5. The tasks of one plan, section by section
:param docNumber => '嘉政发〔2022〕18号';
MATCH (p:Plan {docNumber: $docNumber})<-[:PART_OF]-(t:Task)
OPTIONAL MATCH (t)-[:PART_OF]->(s:Section)
WITH s, t ORDER BY t.lineStart
WITH s, collect(t.path + ' ' + t.title) AS tasks, min(t.lineStart) AS firstLine
RETURN s.title AS section, size(tasks) AS n, tasks
ORDER BY firstLine;

// 6. Applications that several plans' tasks carry out
MATCH (a:Application)-[:IMPLEMENTS]->(t:Task)-[:PART_OF]->(p:Plan)
WITH a, collect(DISTINCT p.title) AS plans, count(DISTINCT t) AS tasks
WHERE size(plans) > 1
RETURN a.name AS application, size(plans) AS planCount, plans, tasks
ORDER BY planCount DESC, tasks DESC;

// 7. Cross-plan tasks whose responsible units are the same kind of unit in different regions
//    (e.g. 市发展改革委 of Jiaxing and of Jinhua)
MATCH (u1:Unit {collective: false})-[:RESPONSIBLE_FOR]->(t1:Task)
MATCH (u2:Unit {name: u1.name})-[:RESPONSIBLE_FOR]->(t2:Task)
WHERE u1.region < u2.region
RETURN u1.name AS unitType, u1.region AS region1, t1.title AS task1, u2.region AS region2, t2.title AS task2
ORDER BY unitType
LIMIT 50;

// 8. Which units work together most: pairs responsible for the same tasks
MATCH (a:Unit)-[:RESPONSIBLE_FOR]->(t:Task)<-[:RESPONSIBLE_FOR]-(b:Unit)
WHERE a.id < b.id
RETURN a.region AS region, a.name AS unit1, b.name AS unit2, count(t) AS sharedTasks
ORDER BY sharedTasks DESC
LIMIT 25;

// 9. Full-text search of task titles and texts (the task_text index, CJK analyzer)
:param words => '数据共享';
CALL db.index.fulltext.queryNodes('task_text', $words) YIELD node, score
RETURN node.planId AS plan, node.path AS path, node.title AS task, round(score, 3) AS score
LIMIT 20;

// 10. Tasks with a deadline or milestone in a given year
:param year => 2025;
MATCH (t:Task)-[:PART_OF]->(p:Plan)
WHERE $year IN t.years
RETURN p.title AS plan, t.path AS path, t.title AS task, t.years AS years
ORDER BY plan, path;

// 11. Which higher policies each plan says it implements (the citation chain)
MATCH path = (p:Plan)-[:IMPLEMENTS*1..3]->(higher:Plan)
RETURN p.title AS plan, [n IN nodes(path)[1..] | coalesce(n.docNumber, n.title)] AS implements;

// 12. The key-application list of a plan: by tier, with the units in charge
MATCH (p:Plan)-[l:LISTS]->(a:Application)
OPTIONAL MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(a)
WITH p, l, a, u, r ORDER BY r.order
RETURN p.title AS plan, l.tier AS tier, l.no AS no, a.name AS application, collect(u.name) AS units
ORDER BY plan, no;

// 13. Collective units ("各县（市、区）政府", "市级有关单位") and how many tasks name them
MATCH (u:Unit {collective: true})-[:RESPONSIBLE_FOR]->(t:Task)
RETURN u.region AS region, u.name AS unit, count(t) AS tasks
ORDER BY tasks DESC;

// 14. Units written under several names (the aliases the parser merged)
MATCH (u:Unit)
WHERE size(u.aliases) > 1
RETURN u.region AS region, u.name AS unit, u.aliases AS writtenAs
ORDER BY size(u.aliases) DESC, unit;

// 15. Tasks that name no responsible unit (worth a look in the source file)
MATCH (t:Task)
WHERE NOT EXISTS { MATCH (:Unit)-[:RESPONSIBLE_FOR]->(t) }
RETURN t.planId AS plan, t.path AS path, t.title AS task, t.sourceFile AS file, t.lineStart AS line
ORDER BY plan, path;

// 16. The neighbourhood of one task, as a graph (switch the result to the graph view)
:param taskId => 'plan:嘉政发〔2022〕18号/1';
MATCH (t:Task {id: $taskId})-[r]-(n)
RETURN t, r, n;

// 17. Tasks of other plans most like one task (SIMILAR_TO, when the alignment has been computed)
:param taskId => 'plan:嘉政发〔2022〕18号/1';
MATCH (t:Task {id: $taskId})-[s:SIMILAR_TO]-(other:Task)
RETURN other.planId AS plan, other.title AS task, s.score AS score, s.method AS method
ORDER BY score DESC;

// 18. Nearest tasks by embedding (the task_embedding vector index, once the app has written embeddings)
:param taskId => 'plan:嘉政发〔2022〕18号/1';
MATCH (t:Task {id: $taskId})
CALL db.index.vector.queryNodes('task_embedding', 10, t.embedding) YIELD node, score
WHERE node <> t
RETURN node.planId AS plan, node.title AS task, round(score, 3) AS score;
