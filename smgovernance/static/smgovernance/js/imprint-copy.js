// Admin imprint panel: a "copy" button next to each copy-ready field (progressive
// enhancement; without JavaScript the read-only fields can be selected and copied by hand).
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var status = document.getElementById(button.getAttribute("data-copy-status"));
        if (!field || !status) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            field.focus();
            field.select();
            var done = function () { status.textContent = button.getAttribute("data-copied"); };
            var manual = function () { status.textContent = button.getAttribute("data-selected"); };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(done, manual);
            } else {
                manual();
            }
        });
    });
})();
