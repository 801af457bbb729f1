/* Two-click Vimeo loading: no request to Vimeo before a click; texts from the template. */
(function () {
  "use strict";

  var KEY = "smgovernance-vimeo-consent";

  /* "Always load" is stored first-party after tick + click; storage may be blocked. */
  function storage(use) {
    try {
      return use(window.localStorage);
    } catch (error) {
      return null;
    }
  }

  function storedConsent() {
    return storage(function (s) { return s.getItem(KEY) === "always"; }) === true;
  }

  function announce(container, message) {
    var status = container.querySelector("[data-vimeo-status]");
    if (status) {
      status.textContent = message || "";
    }
  }

  function loadPlayer(container, moveFocus) {
    var url = container.getAttribute("data-vimeo-player-url");
    var stage = container.querySelector("[data-vimeo-stage]");
    if (!url || !stage || container.hasAttribute("data-vimeo-loaded")) {
      return;
    }
    var parsed = new URL(url);
    if (parsed.protocol !== "https:" || parsed.hostname !== "player.vimeo.com") {
      return;
    }
    if (!moveFocus) {
      parsed.searchParams.delete("autoplay"); /* remembered choice: do not play */
    }
    var frame = document.createElement("iframe");
    frame.src = parsed.toString();
    frame.title = container.getAttribute("data-vimeo-title") || "";
    frame.setAttribute("allow", "fullscreen; picture-in-picture");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("allowfullscreen", "");
    frame.className = "vimeo__frame";
    stage.replaceChildren(frame);
    container.setAttribute("data-vimeo-loaded", "");
    announce(container, container.getAttribute("data-vimeo-loaded-message"));
    if (moveFocus) {
      frame.focus();
    }
  }

  function setUpPlayer(container) {
    var button = container.querySelector("[data-vimeo-load]");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var remember = container.querySelector("[data-vimeo-remember]");
      if (remember && remember.checked) {
        storage(function (s) { s.setItem(KEY, "always"); });
      }
      loadPlayer(container, true);
    });
    if (storedConsent()) {
      loadPlayer(container, false);
    }
  }

  function setUpManager(manager) {
    var state = manager.querySelector("[data-vimeo-consent-state]");
    var button = manager.querySelector("[data-vimeo-revoke]");
    function show() {
      var stored = storedConsent();
      if (state) {
        state.textContent = manager.getAttribute(
          stored ? "data-vimeo-stored-message" : "data-vimeo-none-message"
        );
      }
      if (button) {
        button.hidden = !stored;
      }
    }
    if (button) {
      button.addEventListener("click", function () {
        storage(function (s) { s.removeItem(KEY); });
        show();
        announce(manager, manager.getAttribute("data-vimeo-revoked-message"));
        if (state) {
          state.setAttribute("tabindex", "-1");
          state.focus();
        }
      });
    }
    show();
  }

  function init() {
    document.querySelectorAll("[data-vimeo-consent]").forEach(setUpPlayer);
    document.querySelectorAll("[data-vimeo-consent-manager]").forEach(setUpManager);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
