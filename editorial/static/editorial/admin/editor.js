// Each tab's error badge counts the errors inside that tab. Wagtail counts them when the tabs
// connect, but StreamField draws its blocks (and their errors) in the browser afterwards, so an
// error inside a block never reached the badge (wagtail/wagtail#12823). Count again once the
// blocks are drawn; Wagtail's own counter does the counting.
(() => {
  const recount = () => {
    const app = window.wagtail && window.wagtail.app;
    if (!app) return;
    document.querySelectorAll('[data-controller~="w-count"]').forEach((element) => {
      const counter = app.getControllerForElementAndIdentifier(element, 'w-count');
      if (counter) counter.count();
    });
  };
  // After Stimulus has connected every controller, StreamField's included.
  window.addEventListener('load', () => window.setTimeout(recount));
})();
