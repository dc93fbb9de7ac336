// The page's whole logic: submit, then poll. No framework, no build step.
(function () {
  'use strict';
  var POLL_MILLIS = 500;
  var api = 'api/';
  var current = null;      // id of the campaign shown
  var resetId = null;      // id of the last password reset
  var rendered = {};       // what each list shows now, so it is rebuilt only when it changes

  function changed(key, data) {
    var json = JSON.stringify(data);
    if (rendered[key] === json) { return false; }
    rendered[key] = json;
    return true;
  }

  function $(id) { return document.getElementById(id); }

  function json(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(api + path, init).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || ('HTTP ' + r.status)); }
        return data;
      });
    });
  }

  function text(id, value) { $(id).textContent = value; }

  function percent(part, total) { return total > 0 ? (100 * part / total) : 0; }

  function showCampaign(c) {
    $('campaign').hidden = false;
    text('campaign-id', c.id);
    text('sent', c.sent);
    text('failed', c.failed);
    text('pending', c.pending);
    text('total', c.total);
    var done = percent(c.sent + c.failed, c.total);
    $('progress-sent').style.width = percent(c.sent, c.total) + '%';
    $('progress-failed').style.width = percent(c.failed, c.total) + '%';
    $('progress').setAttribute('aria-valuenow', Math.round(done));
    var state = $('campaign-state');
    state.textContent = c.complete ? 'complete' : 'running';
    state.className = 'state' + (c.complete ? ' complete' : '');
    text('elapsed', c.complete && c.elapsedMillis !== undefined ? 'in ' + (c.elapsedMillis / 1000).toFixed(1) + ' s' : '');
    if (!changed('by-instance', [c.id, c.total, c.sentByInstance])) { return; }
    var list = $('by-instance');
    list.innerHTML = '';
    Object.keys(c.sentByInstance).forEach(function (name) {
      var n = c.sentByInstance[name];
      var li = document.createElement('li');
      li.setAttribute('data-instance', name);
      li.innerHTML = '<span class="name"></span><span><span class="mini"></span></span><b class="count"></b>';
      li.querySelector('.name').textContent = name;
      li.querySelector('.mini').style.display = 'block';
      li.querySelector('.mini').style.width = percent(n, c.total) + '%';
      li.querySelector('.count').textContent = n;
      list.appendChild(li);
    });
  }

  function showStatus(s) {
    text('instance-name', s.instance);
    text('dlq-count', s.deadLetters);
    if (!changed('recent', s.recentMails)) { return; }
    var body = $('recent-mails');
    body.innerHTML = '';
    s.recentMails.forEach(function (m) {
      var tr = document.createElement('tr');
      [m.recipient, m.campaignId, m.instance, m.at.substring(11, 23)].forEach(function (v) {
        var td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
  }

  function showDeadLetters(d) {
    if (!changed('dlq', d.items)) { return; }
    var list = $('dlq-items');
    list.innerHTML = '';
    d.items.slice(0, 8).forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item.recipient + ' (' + item.campaignId + '): ' + item.reason;
      list.appendChild(li);
    });
  }

  function poll() {
    var work = [json('GET', 'status').then(showStatus), json('GET', 'dead-letters?limit=8').then(showDeadLetters)];
    if (current) { work.push(json('GET', 'campaigns/' + current).then(showCampaign)); }
    if (resetId) {
      work.push(json('GET', 'campaigns/' + resetId).then(function (r) {
        if (r.complete) {
          var by = Object.keys(r.sentByInstance)[0] || '?';
          text('reset-result', 'Reset ' + resetId + ' sent by ' + by + ' after ' + (r.elapsedMillis / 1000).toFixed(2) + ' s');
        }
      }));
    }
    Promise.all(work).catch(function () { /* the next poll retries */ }).then(function () {
      setTimeout(poll, POLL_MILLIS);
    });
  }

  $('campaign-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var button = $('submit');
    button.disabled = true;
    var started = performance.now();
    json('POST', 'campaigns', {
      subject: $('subject').value,
      body: $('body').value,
      recipients: parseInt($('recipients').value, 10),
      failing: parseInt($('failing').value, 10) || 0,
      priority: parseInt($('priority').value, 10),
      delayMillis: parseInt($('latency').value, 10) || 0
    }).then(function (r) {
      current = r.id;
      text('submit-result', '202 Accepted in ' + Math.round(performance.now() - started) + ' ms: job ' + r.id);
      showCampaign({ id: r.id, sent: 0, failed: 0, pending: r.total, total: r.total, complete: false, sentByInstance: {} });
    }).catch(function (err) {
      text('submit-result', 'Rejected: ' + err.message);
    }).then(function () { button.disabled = false; });
  });

  $('reset-form').addEventListener('submit', function (e) {
    e.preventDefault();
    json('POST', 'password-resets', { email: $('reset-email').value }).then(function (r) {
      resetId = r.id;
      text('reset-result', 'Queued ' + r.id + ' at priority 9…');
    }).catch(function (err) { text('reset-result', 'Rejected: ' + err.message); });
  });

  poll();
})();
