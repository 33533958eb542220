/* Cross-plan analysis page: fetches /api/analysis/* and draws Chart.js charts (served locally).
   A module, so it shares the search page's fetch helper (typed, bilingual errors). */
import { getJson } from './js/api.js';

(function () {
  'use strict';
  var COLORS = ['#1f4e79', '#c0392b', '#27ae60', '#e67e22', '#8e44ad', '#16a085', '#2e86de', '#7f8c8d'];
  var charts = {};

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }

  function state(id, text, kind) {
    var s = document.getElementById(id);
    s.textContent = text || '';
    s.className = 'state' + (kind ? ' ' + kind : '');
  }

  function draw(id, config) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new window.Chart(document.getElementById(id), config);
    return charts[id];
  }

  // "嘉兴市", "嘉兴市(2020)" for a plan whose title starts with its year; the region comes from
  // the plan or, when a view leaves it out, from the title
  function shortTitle(plan) {
    var year = /^(\d{4})年/.exec(plan.title);
    var rest = plan.title.replace(/^\d{4}年/, '');
    var m = /^([\u4e00-\u9fa5]{2,3}?[省市])/.exec(rest);
    var region = plan.region || (m ? m[1] : '');
    return region ? region + (year ? '(' + year[1] + ')' : '') : plan.title;
  }

  function loadDomains() {
    return getJson('/api/analysis/domains').then(function (data) {
      var select = document.getElementById('compare-domain');
      data.domains.forEach(function (d) { select.appendChild(el('option', { value: d, text: d })); });
      draw('chart-domains', {
        type: 'bar',
        data: {
          labels: data.plans.map(shortTitle),
          datasets: data.domains.map(function (d, i) {
            return { label: d, data: data.plans.map(function (p) { return p.counts[d]; }), backgroundColor: COLORS[i % COLORS.length] };
          }),
        },
        options: {
          maintainAspectRatio: false,
          scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: '任务数' } } },
          onClick: function (_e, items) {
            if (!items.length) return;
            select.value = data.domains[items[0].datasetIndex];
            document.getElementById('compare-topic').value = '';
            compare();
          },
        },
      });
    });
  }

  function compare() {
    var domain = document.getElementById('compare-domain').value;
    var topic = document.getElementById('compare-topic').value.trim();
    var out = document.getElementById('compare-result');
    out.textContent = '';
    if (!domain && !topic) { state('compare-state', '请选择职能领域或输入主题词。', 'idle'); return Promise.resolve(); }
    state('compare-state', '加载中…', 'loading');
    return getJson('/api/analysis/compare', { domain: domain, topic: topic }).then(function (data) {
      var total = data.plans.reduce(function (s, p) { return s + p.count; }, 0);
      state('compare-state', total ? '共 ' + total + ' 项任务；' + data.links.length + ' 条跨方案对应关系。' : '没有匹配的任务。', total ? '' : 'empty');
      data.plans.forEach(function (p) {
        var list = el('ol');
        p.tasks.forEach(function (t) {
          var lead = t.units.filter(function (u) { return u.role !== 'co'; }).slice(0, 2).map(function (u) { return u.name; }).join('、');
          list.appendChild(el('li', {}, [el('a', { href: '/?q=' + encodeURIComponent(t.title), text: t.path + ' ' + t.title }), lead ? el('span', { class: 'an-badge', text: lead }) : null]));
        });
        out.appendChild(el('div', { class: 'an-plan' }, [el('h3', { text: p.title + '（' + p.count + '）' }), p.count ? list : el('p', { class: 'an-empty', text: '无' })]));
      });
    }).catch(function (e) { state('compare-state', '出错：' + e.message, 'error'); });
  }

  function workload() {
    var name = document.getElementById('unit-name').value.trim();
    if (!name) return Promise.resolve();
    state('unit-state', '加载中…', 'loading');
    return getJson('/api/analysis/units/workload', { name: name }).then(function (data) {
      state('unit-state', data.units.length + ' 个同类单位（按单位类型“' + data.unitType + '”跨地区匹配）。', '');
      var labels = data.units.map(function (u) { return u.unit.name + '·' + (u.unit.region || ''); });
      draw('chart-units', {
        type: 'bar',
        data: {
          labels: labels,
          datasets: [
            { label: '牵头/独立负责', data: data.units.map(function (u) { return u.led; }), backgroundColor: '#c0392b' },
            { label: '参与/共同负责', data: data.units.map(function (u) { return u.shared; }), backgroundColor: '#2e86de' },
          ],
        },
        options: { indexAxis: 'y', maintainAspectRatio: false, scales: { x: { stacked: true, title: { display: true, text: '任务数' } }, y: { stacked: true } } },
      });
    }).catch(function (e) { state('unit-state', '出错：' + e.message, 'error'); });
  }

  function loadTargets() {
    return getJson('/api/analysis/targets/by-year').then(function (data) {
      draw('chart-targets', {
        type: 'bar',
        data: {
          labels: data.years.map(function (y) { return y.year === null ? '未注明' : String(y.year); }),
          datasets: [{ label: '量化目标数', data: data.years.map(function (y) { return y.count; }), backgroundColor: '#1f4e79' }],
        },
        options: { maintainAspectRatio: false, plugins: { legend: { display: false } } },
      });
      var list = document.getElementById('targets-list');
      data.years.forEach(function (y) {
        var ul = el('ul');
        y.targets.forEach(function (t) {
          ul.appendChild(el('li', { text: t.metric + ' ' + t.comparator + ' ' + t.value + t.unit + '（' + shortTitle(t.plan) + (t.ownerKind === 'plan' ? ' 主要目标' : ' 任务') + '）' }));
        });
        list.appendChild(el('h4', { text: (y.year === null ? '未注明年份' : y.year + ' 年') + '（' + y.count + '）' }));
        list.appendChild(ul);
      });
    });
  }

  function loadApps() {
    return getJson('/api/analysis/applications/shared').then(function (data) {
      var body = document.getElementById('apps-body');
      state('apps-state', data.total ? '' : '没有多个方案共同提到的应用。', data.total ? '' : 'empty');
      data.items.forEach(function (a) {
        var where = a.plans.map(function (p) {
          return shortTitle(p) + (p.tasks.length ? '（' + p.tasks.map(function (t) { return t.split('/').pop(); }).join('，') + '）' : '（附件清单）');
        }).join('；');
        body.appendChild(el('tr', {}, [el('td', { text: a.name }), el('td', { text: String(a.planCount) }), el('td', { text: where })]));
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('compare-form').addEventListener('submit', function (e) { e.preventDefault(); compare(); });
    document.getElementById('unit-form').addEventListener('submit', function (e) { e.preventDefault(); workload(); });
    loadDomains().then(function () {
      document.getElementById('compare-topic').value = '网络安全';
      return compare();
    }).catch(function (e) { state('compare-state', '出错：' + e.message, 'error'); });
    workload();
    loadTargets().catch(function () {});
    loadApps().catch(function (e) { state('apps-state', '出错：' + e.message, 'error'); });
  });
})();
