// Runs only in a browser without JavaScript modules, where the app cannot
// start: it shows the page's message that says so and points to the
// printable questionnaire (written by web/src/bin/prerender.rs). Plain old
// JavaScript on purpose, so such a browser can run it.
(function () {
  var failed = document.getElementById('app-failed');
  if (failed) failed.removeAttribute('hidden');
})();
