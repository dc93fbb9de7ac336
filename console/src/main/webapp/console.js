// The HazelJMS console: polls the API of this server (api/clusters/...) and renders members, destinations and the
// chosen destination's messages. Plain DOM, no framework, no build; all data goes in through textContent.
'use strict';
(() => {
  const API = 'api/clusters';
  const POLL_MS = 1500;
  const ORIGIN = 'HJMS_OriginalDestination';
  const $ = id => document.getElementById(id);
  const enc = encodeURIComponent;

  let cluster = null; // the cluster shown: the only one, or the one picked
  let open = null;    // {kind, name} of the destination shown below the tables
  let timer = null;

  async function call(method, path, body) {
    const init = {method, headers: {Accept: 'application/json'}};
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    let data = null;
    try {
      data = await response.json();
    } catch (notJson) {
      // answered below with the status
    }
    if (!response.ok) {
      throw new Error((data && data.error) || `${response.status} ${response.statusText}`);
    }
    return data;
  }

  const clusterPath = () => `${API}/${enc(cluster)}`;
  const destinationPath = (kind, name) => `${clusterPath()}/${kind}s/${enc(name)}`;

  function notice(text, error) {
    const n = $('notice');
    n.textContent = text;
    n.className = error ? 'error' : 'ok';
    n.dataset.state = error ? 'error' : 'ok';
    n.hidden = false;
  }

  function pollStatus(text, error) {
    const s = $('poll-status');
    s.textContent = text;
    s.className = error ? 'poll-error' : 'muted';
  }

  /** Rows keyed by data-key, updated in place (a row being clicked is not replaced while polling). */
  function sync(tbody, items, key, fill) {
    const old = new Map([...tbody.rows].map(r => [r.dataset.key, r]));
    items.forEach((item, i) => {
      const k = key(item);
      const row = old.get(k) || document.createElement('tr');
      old.delete(k);
      row.dataset.key = k;
      fill(row, item);
      if (tbody.rows[i] !== row) {
        tbody.insertBefore(row, tbody.rows[i] || null);
      }
    });
    old.forEach(r => r.remove());
  }

  /** Sets a row's cells, each marked data-field, touching only those whose text changed. */
  function cells(row, values) {
    values.forEach(([field, value], i) => {
      const td = row.cells[i] || row.insertCell();
      td.dataset.field = field;
      const text = String(value);
      if (td.textContent !== text) {
        td.textContent = text;
      }
    });
  }

  const rate = r => (r == null ? '' : r.toFixed(1));

  function renderMembers(members) {
    $('member-count').textContent = `(${members.length})`;
    sync($('members').tBodies[0], members, m => m.uuid, (row, m) => {
      row.dataset.address = m.address;
      cells(row, [['address', m.address], ['uuid', m.uuid], ['version', m.version], ['lite', m.lite ? 'lite' : '']]);
    });
  }

  function renderDestinations(destinations) {
    sync($('destinations').tBodies[0], destinations, d => `${d.kind}:${d.name}`, (row, d) => {
      row.dataset.kind = d.kind;
      row.dataset.name = d.name;
      row.classList.toggle('full', d.full);
      row.classList.toggle('selected', open !== null && open.kind === d.kind && open.name === d.name);
      cells(row, [['kind', d.kind], ['name', d.name], ['depth', d.depth], ['pending', d.pending],
        ['inFlight', d.inFlight], ['scheduled', d.scheduled], ['consumers', d.consumers],
        ['subscriptions', d.kind === 'topic' ? d.subscriptions : ''], ['enqueued', d.enqueued],
        ['acknowledged', d.acknowledged], ['expired', d.expired], ['deadLettered', d.deadLettered],
        ['duplicatesDropped', d.duplicatesDropped],
        ['enqueueRate', rate(d.enqueueRate)], ['acknowledgeRate', rate(d.acknowledgeRate)]]);
    });
    if (open) {
      const d = destinations.find(x => x.kind === open.kind && x.name === open.name);
      $('detail-figures').textContent = d
        ? `depth ${d.depth}: ${d.pending} pending, ${d.inFlight} in flight, ${d.scheduled} scheduled; `
          + `${d.consumers} consumer(s); ${d.bytes} bytes`
          + (d.maxMessages > 0 ? `; limit ${d.maxMessages} messages` : '')
          + (d.maxBytes > 0 ? `; limit ${d.maxBytes} bytes` : '') + (d.full ? ' (FULL)' : '')
        : 'no longer exists';
    }
  }

  async function chooseCluster() {
    const {clusters} = await call('GET', API);
    const choice = $('cluster');
    if (clusters.length === 0) {
      pollStatus('no HazelJMS broker in this server: deploy hazeljms-ra.rar here', true);
    } else if (clusters.length === 1) {
      cluster = clusters[0];
      $('cluster-choice').hidden = true;
      $('cluster-name').textContent = `cluster ${cluster}`;
    } else if (choice.options.length !== clusters.length + 1) {
      choice.replaceChildren(new Option('pick a cluster…', ''), ...clusters.map(c => new Option(c, c)));
      $('cluster-choice').hidden = false;
      pollStatus('this server runs several clusters: pick one');
    }
  }

  async function refresh() {
    if (!cluster) {
      await chooseCluster();
    }
    if (cluster) {
      const overview = await call('GET', clusterPath());
      renderMembers(overview.members);
      renderDestinations(overview.destinations);
      pollStatus(`updated ${new Date().toLocaleTimeString()}`);
    }
  }

  async function poll() {
    try {
      await refresh();
    } catch (e) {
      pollStatus(`cannot read the broker: ${e.message}`, true);
    }
    clearTimeout(timer);
    timer = setTimeout(poll, POLL_MS);
  }

  // --- one destination ---------------------------------------------------------------------------------------

  function openDestination(kind, name) {
    open = {kind, name};
    $('detail').hidden = false;
    $('detail-kind').textContent = kind;
    $('detail-name').textContent = name;
    $('detail-figures').textContent = '';
    $('queue-tools').hidden = kind !== 'queue';
    $('topic-tools').hidden = kind !== 'topic';
    $('messages').hidden = kind !== 'queue';
    $('messages-summary').textContent = '';
    $('messages').tBodies[0].replaceChildren();
    for (const row of $('destinations').tBodies[0].rows) {
      row.classList.toggle('selected', row.dataset.kind === kind && row.dataset.name === name);
    }
    (kind === 'queue' ? browse() : subscriptions()).catch(e => notice(e.message, true));
  }

  async function subscriptions() {
    const {subscriptions: names} = await call('GET', `${destinationPath('topic', open.name)}/subscriptions`);
    $('subscriptions').textContent = names.length ? names.join(', ') : 'none';
  }

  async function browse() {
    const shown = open;
    const selector = $('selector').value.trim();
    const query = `?max=${enc($('max').value)}` + (selector ? `&selector=${enc(selector)}` : '');
    const {messages} = await call('GET', `${destinationPath('queue', shown.name)}/messages${query}`);
    if (open !== shown) {
      return; // another destination was opened meanwhile
    }
    $('messages-summary').textContent = `${messages.length} message(s)`
      + (selector ? ` matching ${selector}` : '') + ` (at most ${$('max').value}, in delivery order)`;
    $('redrive-all').hidden = !messages.some(m => ORIGIN in m.properties);
    $('redrive-all').textContent = selector ? 'Redrive matching' : 'Redrive all';
    $('messages').tBodies[0].replaceChildren(...messages.map(messageRow));
  }

  function messageRow(m) {
    const row = document.createElement('tr');
    row.dataset.messageId = m.messageId;
    const id = document.createElement('td');
    id.append(span('id', m.messageId), document.createElement('br'),
      span('muted', new Date(m.timestamp).toISOString()));
    const headers = lines([`priority ${m.priority}`, m.persistent ? 'persistent' : 'non-persistent',
      `delivery count ${m.deliveryCount}`, m.type && `type ${m.type}`, m.correlationId && `correlation ${m.correlationId}`,
      m.replyTo && `reply to ${m.replyTo}`, m.expiration > 0 && `expires ${new Date(m.expiration).toISOString()}`,
      m.deliveryTime > m.timestamp && `deliver at ${new Date(m.deliveryTime).toISOString()}`]);
    const props = lines(Object.entries(m.properties).map(([k, v]) => `${k} = ${v}`));
    props.classList.add('props');
    const body = document.createElement('td');
    body.append(span('muted', `${m.bodyType}, ${m.bodySize} bytes`), document.createElement('br'),
      span('body-preview', m.bodyPreview || ''));
    const action = document.createElement('td');
    if (ORIGIN in m.properties) {
      const redrive = document.createElement('button');
      redrive.type = 'button';
      redrive.className = 'redrive';
      redrive.textContent = 'Redrive';
      redrive.addEventListener('click', () => act(
        `Redrive message ${m.messageId} back to ${m.properties[ORIGIN]}?`, 'POST',
        `${destinationPath('queue', open.name)}/redrive`, {messageId: m.messageId},
        r => `redrove ${r.redriven} message (${m.messageId}) from ${r.queue} to ${m.properties[ORIGIN]}`));
      action.append(redrive);
    }
    row.append(id, cell(headers), cell(props), body, action);
    return row;
  }

  function span(className, text) {
    const s = document.createElement('span');
    s.className = className;
    s.textContent = text;
    return s;
  }

  function lines(texts) {
    const div = document.createElement('div');
    texts.filter(Boolean).forEach(t => div.append(document.createTextNode(t), document.createElement('br')));
    return div;
  }

  function cell(content) {
    const td = document.createElement('td');
    td.append(content);
    return td;
  }

  // --- actions, each after an in-page confirmation ------------------------------------------------------------

  function confirmed(question) {
    const dialog = $('confirm');
    $('confirm-text').textContent = question;
    dialog.returnValue = '';
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), {once: true});
      dialog.showModal();
    });
  }

  function reloadMessages() {
    if (open && open.kind === 'queue') {
      browse().catch(e => notice(e.message, true));
    }
  }

  /** Asks, then calls the API; shows done(answer) or the refusal; then after(succeeded) and a refresh. */
  async function act(question, method, path, body, done, after = reloadMessages) {
    if (!await confirmed(question)) {
      return;
    }
    let ok = false;
    try {
      notice(done(await call(method, path, body)));
      ok = true;
    } catch (e) {
      notice(e.message, true);
    }
    after(ok);
    refresh().catch(() => {}); // the poll reports its own failures
  }

  function selectorPhrase() {
    const selector = $('selector').value.trim();
    return selector ? ` matching ${selector}` : '';
  }

  $('purge').addEventListener('click', () => act(
    `Purge queue ${open.name}? Its pending messages are deleted for good (those in flight stay).`, 'POST',
    `${destinationPath('queue', open.name)}/purge`, {}, r => `purged ${r.purged} message(s) from ${r.queue}`));

  $('redrive-all').addEventListener('click', () => {
    const selector = $('selector').value.trim();
    act(`Redrive the pending messages${selectorPhrase()} of ${open.name} back where each came from?`, 'POST',
      `${destinationPath('queue', open.name)}/redrive`, selector ? {selector} : {all: true},
      r => `redrove ${r.redriven} message(s) from ${r.queue}`);
  });

  $('move-form').addEventListener('submit', e => {
    e.preventDefault();
    const target = $('move-target').value.trim();
    act(`Move the pending messages${selectorPhrase()} of ${open.name} to queue ${target}?`, 'POST',
      `${destinationPath('queue', open.name)}/move`, {target, selector: $('selector').value.trim()},
      r => `moved ${r.moved} message(s) from ${r.queue} to ${target}`);
  });

  for (const [button, kind] of [['delete', 'queue'], ['delete-topic', 'topic']]) {
    $(button).addEventListener('click', () => {
      const name = open.name;
      act(`Delete ${kind} ${name} with everything it holds?`, 'DELETE', destinationPath(kind, name), undefined,
        r => (r.deleted ? `deleted ${kind} ${name}` : `${kind} ${name} was already gone`),
        deleted => (deleted ? closeDetail() : reloadMessages()));
    });
  }

  function closeDetail() {
    open = null;
    $('detail').hidden = true;
    for (const row of $('destinations').tBodies[0].rows) {
      row.classList.remove('selected');
    }
  }

  $('detail-close').addEventListener('click', closeDetail);
  $('browse-form').addEventListener('submit', e => {
    e.preventDefault();
    browse().catch(err => notice(err.message, true));
  });
  $('destinations').tBodies[0].addEventListener('click', e => {
    const row = e.target.closest('tr');
    if (row) {
      openDestination(row.dataset.kind, row.dataset.name);
    }
  });
  $('cluster').addEventListener('change', e => {
    cluster = e.target.value || null;
    closeDetail();
    $('members').tBodies[0].replaceChildren();
    $('destinations').tBodies[0].replaceChildren();
    refresh().catch(err => pollStatus(`cannot read the broker: ${err.message}`, true));
  });

  poll();
})();
