"use strict";
// Passkeys (WebAuthn): the server's challenge (webauthn-rs JSON) in, the browser's
// credential out, binary fields as base64url. Buttons carry their endpoints and the
// form token in data- attributes; no inline script (the pages' CSP forbids it).
(function () {
  function b64urlToBuf(s) {
    const b64 = s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4);
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes.buffer;
  }

  function bufToB64url(buf) {
    const bytes = new Uint8Array(buf);
    let bin = "";
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function post(url, csrf, body) {
    const r = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
    });
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }

  async function register(b) {
    const ccr = await post(b.dataset.start, b.dataset.csrf);
    const pk = ccr.publicKey;
    pk.challenge = b64urlToBuf(pk.challenge);
    pk.user.id = b64urlToBuf(pk.user.id);
    (pk.excludeCredentials || []).forEach(function (c) { c.id = b64urlToBuf(c.id); });
    const cred = await navigator.credentials.create({ publicKey: pk });
    const ext = cred.getClientExtensionResults();
    const name = document.getElementById("passkey-name");
    return post(b.dataset.finish, b.dataset.csrf, {
      name: name ? name.value : "",
      credential: {
        id: cred.id,
        rawId: bufToB64url(cred.rawId),
        type: cred.type,
        response: {
          attestationObject: bufToB64url(cred.response.attestationObject),
          clientDataJSON: bufToB64url(cred.response.clientDataJSON),
          transports: typeof cred.response.getTransports === "function" ? cred.response.getTransports() : null,
        },
        extensions: ext.credProps ? { credProps: ext.credProps } : {},
      },
    });
  }

  async function login(b) {
    const rcr = await post(b.dataset.start, b.dataset.csrf);
    const pk = rcr.publicKey;
    pk.challenge = b64urlToBuf(pk.challenge);
    (pk.allowCredentials || []).forEach(function (c) { c.id = b64urlToBuf(c.id); });
    const cred = await navigator.credentials.get({ publicKey: pk });
    return post(b.dataset.finish, b.dataset.csrf, {
      credential: {
        id: cred.id,
        rawId: bufToB64url(cred.rawId),
        type: cred.type,
        response: {
          authenticatorData: bufToB64url(cred.response.authenticatorData),
          clientDataJSON: bufToB64url(cred.response.clientDataJSON),
          signature: bufToB64url(cred.response.signature),
          userHandle: cred.response.userHandle ? bufToB64url(cred.response.userHandle) : null,
        },
        extensions: {},
      },
    });
  }

  function wire(id, ceremony, done) {
    const b = document.getElementById(id);
    if (!b) return;
    const status = document.getElementById("passkey-status");
    if (!window.PublicKeyCredential) {
      b.disabled = true;
      status.textContent = b.dataset.unsupported || "";
      return;
    }
    b.addEventListener("click", function () {
      status.textContent = "";
      b.disabled = true;
      ceremony(b).then(
        function (answer) { done(answer, b, status); },
        function () { b.disabled = false; status.textContent = b.dataset.failed || "error"; }
      );
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wire("passkey-register", register, function (answer, b, status) {
      const codes = answer.recovery_codes || [];
      if (codes.length === 0) { window.location.reload(); return; }
      // The first second factor comes with recovery codes: shown here, once.
      const list = document.getElementById("passkey-codes");
      codes.forEach(function (c) {
        const li = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = c;
        li.appendChild(code);
        list.appendChild(li);
      });
      document.getElementById("passkey-codes-section").hidden = false;
      status.textContent = b.dataset.done || "";
    });
    wire("passkey-login", login, function (answer) {
      window.location.href = answer.next || "/";
    });
  });
})();
