// The month page's "compare all with last month's plan" button: opens or
// closes every details.previous-plan at once. aria-pressed says whether
// all are open, also after one is opened or closed by hand. No network,
// no module: runs from file:// as well.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-compare-all]');
  var plans = document.querySelectorAll('details.previous-plan');
  if (!buttons.length || !plans.length) return;

  function allOpen() {
    for (var i = 0; i < plans.length; i++) if (!plans[i].open) return false;
    return true;
  }
  function show() {
    var pressed = String(allOpen());
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', pressed);
  }
  function setAll(open) {
    for (var i = 0; i < plans.length; i++) plans[i].open = open;
    show();
  }
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function () { setAll(!allOpen()); });
    var holder = buttons[i].closest('[hidden]');
    if (holder) holder.hidden = false;
  }
  // `toggle` does not bubble: listen while it passes down.
  document.addEventListener('toggle', function (event) {
    if (event.target.matches && event.target.matches('details.previous-plan')) show();
  }, true);
  show();
})();
