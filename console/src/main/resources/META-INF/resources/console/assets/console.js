/*
 * ATC console: progressive enhancement only (every page works without it), vendored, no framework.
 * The display-once dialog: a new or rotated key's secret stays on screen, modal, until the user ticks
 * "I have stored this secret" and presses Done. The close button, Escape, a click outside, leaving or
 * closing the page are each refused and the warning is shown again. On Done the secret is removed from
 * the DOM and from this script, and the page is replaced (not pushed) by the dialog's data-return-to
 * page (a console path such as the keys list), so neither a reload nor Back can bring the answer that
 * carried it back. The same dialog serves keys, rotated keys, device passwords and device private keys. The secret is never put in a URL, storage,
 * a cookie or the console log.
 */
(function () {
  'use strict';

  function armDisplayOnce(dialog) {
    var secretNode = dialog.querySelector('[data-secret]');
    var secret = secretNode.textContent;
    var stored = dialog.querySelector('#secret-stored');
    var done = dialog.querySelector('#secret-done');
    var refusal = dialog.querySelector('#dismiss-refused');
    var copyStatus = dialog.querySelector('#copy-status');
    var acknowledged = false;
    var asked = dialog.getAttribute('data-return-to') || '';
    // Only a path of the console: never another origin, never a protocol-relative URL.
    var returnTo = /^\/console\/[A-Za-z0-9\/_?=&.-]*$/.test(asked) && asked.indexOf('//') < 0 ? asked : '/console/';

    function refuse() {
      refusal.hidden = true;
      // Shown again on every attempt, so that assistive technology announces it again.
      window.setTimeout(function () { refusal.hidden = false; }, 0);
      dialog.setAttribute('data-refusals', String(Number(dialog.getAttribute('data-refusals') || '0') + 1));
      stored.focus();
    }

    function keepOpen() {
      if (!acknowledged && !dialog.open) {
        dialog.showModal();
      }
    }

    function beforeUnload(event) {
      if (!acknowledged) {
        refuse();
        event.preventDefault();
        event.returnValue = '';
        return '';
      }
      return undefined;
    }

    // The script checks the box itself, so that Done without it is refused and counted like any dismissal.
    dialog.querySelector('#acknowledge-form').noValidate = true;
    dialog.removeAttribute('open');
    dialog.showModal();
    done.disabled = !stored.checked;
    stored.addEventListener('change', function () { done.disabled = !stored.checked; });

    dialog.addEventListener('cancel', function (event) {
      // A cancel the browser will not let us prevent (a repeated Escape) is followed by close, which asks.
      if (!acknowledged && event.cancelable) {
        event.preventDefault();
        refuse();
      }
    });
    // Browsers may close a modal dialog on a repeated Escape whatever the cancel handler says: reopen it.
    dialog.addEventListener('close', function () {
      if (!acknowledged) {
        keepOpen();
        refuse();
      }
    });
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog && !acknowledged) {
        refuse();
      }
    });
    dialog.querySelector('#secret-close').addEventListener('click', function () {
      if (!acknowledged) {
        refuse();
      }
    });
    window.addEventListener('beforeunload', beforeUnload);

    dialog.querySelector('#copy-secret').addEventListener('click', function () {
      if (navigator.clipboard && secret) {
        navigator.clipboard.writeText(secret).then(
          function () { copyStatus.textContent = 'Copied to the clipboard.'; },
          function () { selectSecret(); copyStatus.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.'; });
      } else {
        selectSecret();
        copyStatus.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
      }
    });

    function selectSecret() {
      var range = document.createRange();
      range.selectNodeContents(secretNode);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }

    dialog.querySelector('#acknowledge-form').addEventListener('submit', function (event) {
      event.preventDefault();
      if (!stored.checked) {
        refuse();
        return;
      }
      acknowledged = true;
      window.removeEventListener('beforeunload', beforeUnload);
      window.getSelection().removeAllRanges();
      secretNode.textContent = '';
      secretNode.remove();
      secret = null;
      dialog.close();
      dialog.remove();
      window.location.replace(returnTo);
    });
  }

  // Copy buttons for what is not secret (a certificate chain); hidden without this script.
  Array.prototype.forEach.call(document.querySelectorAll('button[data-copy-from]'), function (button) {
    var source = document.getElementById(button.getAttribute('data-copy-from'));
    var status = document.getElementById(button.getAttribute('data-copy-status'));
    button.hidden = false;
    button.addEventListener('click', function () {
      var range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      if (navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent).then(
          function () { status.textContent = 'Copied to the clipboard.'; },
          function () { status.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.'; });
      } else {
        status.textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
      }
    });
  });

  var dialog = document.getElementById('secret-dialog');
  if (dialog && typeof dialog.showModal === 'function') {
    armDisplayOnce(dialog);
  }
}());
