/*
 * Two-click loading of Vimeo videos (smgovernance).
 *
 * Nothing is requested from Vimeo before the visitor presses the button. The
 * player address is built on the server from the validated video ID and read
 * from data attributes; all texts come from the template, so this file holds no
 * language. "Always load Vimeo videos" is stored first-party in localStorage,
 * without any identifier, and only after the visitor ticked it and clicked.
 */
(function () {
    "use strict";

    var KEY = "smgovernance-vimeo-consent";
    var ALWAYS = "always";

    function storedConsent() {
        try {
            return window.localStorage.getItem(KEY) === ALWAYS;
        } catch (error) {
            return false;
        }
    }

    function storeConsent() {
        try {
            window.localStorage.setItem(KEY, ALWAYS);
        } catch (error) {
            /* Storage blocked: the video still loads, the choice is not kept. */
        }
    }

    function revokeConsent() {
        try {
            window.localStorage.removeItem(KEY);
        } catch (error) {
            /* Nothing stored. */
        }
    }

    function announce(container, message) {
        var status = container.querySelector("[data-vimeo-status]");
        if (status) {
            status.textContent = message;
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
            /* Loaded because of a remembered choice: do not start playing. */
            parsed.searchParams.delete("autoplay");
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
        announce(container, container.getAttribute("data-vimeo-loaded-message") || "");
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
                storeConsent();
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
                revokeConsent();
                show();
                announce(manager, manager.getAttribute("data-vimeo-revoked-message") || "");
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
