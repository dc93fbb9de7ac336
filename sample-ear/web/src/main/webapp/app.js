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
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          var error = new Error(r.status + ': ' + (data.error || r.statusText || 'error'));
          error.status = r.status;
          throw error;
        }
        return data;
      });
    });
  }

  function text(id, value) { $(id).textContent = value; }

  // a result line: what the server answered, styled as an error when it said no
  function result(id, message, isError) {
    var line = $(id);
    line.textContent = message;
    line.className = 'hint' + (isError ? ' error' : ' ok');
    line.setAttribute('role', isError ? 'alert' : 'status');
  }

  function select(id) {
    current = id;
    rendered.campaigns = null; // re-render the list to mark the selected one
  }

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

  function showCampaigns(data) {
    var campaigns = data.campaigns;
    if (current === null && campaigns.length > 0 && rendered.campaigns === undefined) {
      current = campaigns[0].id; // a reload shows the newest campaign again
    }
    if (!changed('campaigns', [current, campaigns])) { return; }
    var list = $('campaign-list');
    list.innerHTML = '';
    text('campaigns-empty', campaigns.length ? '' : 'No campaign yet.');
    campaigns.forEach(function (c) {
      var li = document.createElement('li');
      li.setAttribute('data-campaign-id', c.id);
      li.className = c.id === current ? 'selected' : '';
      li.innerHTML = '<button type="button" class="link"><b class="subject"></b> <code class="id"></code></button>'
        + '<span class="counts"></span><span class="state"></span>';
      li.querySelector('.subject').textContent = c.subject;
      li.querySelector('.id').textContent = c.id;
      li.querySelector('.counts').textContent = c.sent + ' sent, ' + c.failed + ' failed, ' + c.pending + ' pending of ' + c.total;
      var state = li.querySelector('.state');
      state.textContent = c.complete ? 'complete' : 'running';
      state.className = 'state' + (c.complete ? ' complete' : '');
      li.querySelector('button').addEventListener('click', function () {
        select(c.id);
        showCampaign(c);
      });
      list.appendChild(li);
    });
  }

  function showDeadLetters(d) {
    text('dlq-count', d.count);
    text('dlq-shown', d.count === 0 ? 'empty' : 'showing ' + d.items.length + ' of ' + d.count + ', newest first');
    if (!changed('dlq', d.items)) { return; }
    var list = $('dlq-items');
    list.innerHTML = '';
    d.items.forEach(function (item) {
      var li = document.createElement('li');
      li.setAttribute('data-message-id', item.messageId);
      li.innerHTML = '<span class="what"></span> <button type="button" class="small redrive">Redrive</button>';
      li.querySelector('.what').textContent = item.recipient + ' (' + item.campaignId + '): ' + item.reason;
      li.querySelector('button').addEventListener('click', function (e) {
        e.target.disabled = true;
        json('POST', item.redrive).then(function (r) {
          result('dlq-result', 'Redriven: the mail to ' + r.recipient + ' is back on ' + r.redrivenTo);
        }).catch(function (err) {
          result('dlq-result', 'Not redriven: ' + err.message, true);
          e.target.disabled = false;
        });
      });
      list.appendChild(li);
    });
  }

  function poll() {
    var work = [json('GET', 'status').then(showStatus), json('GET', 'dead-letters?limit=8').then(showDeadLetters),
      json('GET', 'campaigns?limit=10').then(showCampaigns)];
    if (current) { work.push(json('GET', 'campaigns/' + current).then(showCampaign)); }
    if (resetId) {
      work.push(json('GET', 'campaigns/' + resetId).then(function (r) {
        if (r.complete) {
          var by = Object.keys(r.sentByInstance)[0] || '?';
          result('reset-result', 'Reset ' + resetId + ' sent by ' + by + ' after ' + (r.elapsedMillis / 1000).toFixed(2) + ' s');
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
      select(r.id);
      result('submit-result', '202 Accepted in ' + Math.round(performance.now() - started) + ' ms: job ' + r.id);
      showCampaign({ id: r.id, sent: 0, failed: 0, pending: r.total, total: r.total, complete: false, sentByInstance: {} });
    }).catch(function (err) {
      result('submit-result', 'Rejected: ' + err.message, true);
    }).then(function () { button.disabled = false; });
  });

  $('reset-form').addEventListener('submit', function (e) {
    e.preventDefault();
    json('POST', 'password-resets', { email: $('reset-email').value }).then(function (r) {
      resetId = r.id;
      result('reset-result', 'Queued ' + r.id + ' at priority 9…');
    }).catch(function (err) { result('reset-result', 'Rejected: ' + err.message, true); });
  });

  poll();
})();
