// A call's page. While it rings, and when it changes, the page follows its status
// (server-sent events) and loads again. During a video call the two browsers connect
// directly (WebRTC); Mittler only passes their offer, answer and network candidates on.
// The mediator's side offers; each offer has an id, and answers or candidates of an
// older offer are ignored, so that either side may reload and join again.
(function () {
  "use strict";
  var status = document.getElementById("call-status");
  if (!status || !status.getAttribute("data-events") || !window.EventSource) { return; }
  var box = document.getElementById("call");
  var events = new EventSource(status.getAttribute("data-events"));
  // A form sent from this page (ending the call, say) loads the next page itself; a
  // reload now could cancel it.
  var leaving = false;
  document.addEventListener("submit", function () { leaving = true; });
  events.addEventListener("status", function () { if (!leaving) { window.location.reload(); } });
  if (!box || !window.RTCPeerConnection || !navigator.mediaDevices) { return; }

  var side = box.getAttribute("data-side");
  var signalUrl = box.getAttribute("data-signal");
  var csrf = box.getAttribute("data-csrf");
  var ice = [];
  try { ice = JSON.parse(box.getAttribute("data-ice") || "[]"); } catch (e) { ice = []; }
  var note = document.getElementById("call-media");
  var remoteVideo = document.getElementById("remote-video");
  var localVideo = document.getElementById("local-video");
  var local = null;
  var pc = null;
  var current = null;
  var pending = [];

  function say(attr) { if (note) { note.textContent = note.getAttribute(attr) || ""; } }
  function send(kind, payload) {
    return fetch(signalUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ kind: kind, data: JSON.stringify(payload || {}) })
    }).catch(function () {});
  }
  function fresh(id) {
    if (pc) { pc.close(); }
    current = id;
    pending = [];
    pc = new RTCPeerConnection({ iceServers: ice });
    local.getTracks().forEach(function (t) { pc.addTrack(t, local); });
    pc.onicecandidate = function (ev) {
      if (ev.candidate) { send("ice", { id: id, candidate: ev.candidate.toJSON() }); }
    };
    pc.ontrack = function (ev) {
      if (remoteVideo.srcObject !== ev.streams[0]) { remoteVideo.srcObject = ev.streams[0]; }
    };
    pc.onconnectionstatechange = function () {
      if (pc.connectionState === "connected") { say("data-live-text"); }
      if (pc.connectionState === "failed") { say("data-failed"); }
    };
    return pc;
  }
  function addPending() {
    pending.forEach(function (c) { pc.addIceCandidate(c).catch(function () {}); });
    pending = [];
  }
  function offer() {
    var id = String(Date.now()) + Math.random().toString(16).slice(2);
    var p = fresh(id);
    p.createOffer().then(function (o) { return p.setLocalDescription(o); }).then(function () {
      send("offer", { id: id, sdp: p.localDescription.toJSON() });
    }).catch(function () { say("data-failed"); });
  }
  function onSignal(ev) {
    var m;
    try { m = JSON.parse(ev.data); m.data = JSON.parse(m.data); } catch (e) { return; }
    var d = m.data || {};
    if (side === "mediator") {
      if (m.kind === "ready") { offer(); }
      if (m.kind === "answer" && d.id === current && pc) {
        pc.setRemoteDescription(d.sdp).then(addPending).catch(function () {});
      }
    } else {
      if (m.kind === "join") { send("ready"); }
      if (m.kind === "offer") {
        var p = fresh(d.id);
        p.setRemoteDescription(d.sdp).then(function () { return p.createAnswer(); })
          .then(function (a) { return p.setLocalDescription(a); })
          .then(function () { addPending(); send("answer", { id: d.id, sdp: p.localDescription.toJSON() }); })
          .catch(function () { say("data-failed"); });
      }
    }
    if (m.kind === "ice" && d.id === current && pc) {
      if (pc.remoteDescription) { pc.addIceCandidate(d.candidate).catch(function () {}); }
      else { pending.push(d.candidate); }
    }
  }
  // The test and the page ask: how many bytes of media arrived so far.
  window.mittlerCallBytes = function () {
    if (!pc) { return Promise.resolve(0); }
    return pc.getStats().then(function (stats) {
      var n = 0;
      stats.forEach(function (r) { if (r.type === "inbound-rtp") { n += r.bytesReceived || 0; } });
      return n;
    });
  };
  document.getElementById("call-mute").addEventListener("click", function (ev) {
    var on = ev.currentTarget.getAttribute("aria-pressed") !== "true";
    ev.currentTarget.setAttribute("aria-pressed", on ? "true" : "false");
    if (local) { local.getAudioTracks().forEach(function (t) { t.enabled = !on; }); }
  });
  document.getElementById("call-camera").addEventListener("click", function (ev) {
    var on = ev.currentTarget.getAttribute("aria-pressed") !== "true";
    ev.currentTarget.setAttribute("aria-pressed", on ? "true" : "false");
    if (local) { local.getVideoTracks().forEach(function (t) { t.enabled = !on; }); }
  });
  navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } }).then(function (stream) {
    local = stream;
    localVideo.srcObject = stream;
    events.addEventListener("signal", onSignal);
    var hello = function () { send(side === "mediator" ? "join" : "ready"); };
    if (events.readyState === 1) { hello(); } else { events.addEventListener("open", hello); }
  }).catch(function () { say("data-failed"); });
})();
