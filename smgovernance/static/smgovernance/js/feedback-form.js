// Moves focus to the form's error summary or confirmation after a submission,
// so keyboard and screen reader users land on the result. Works without it too.
document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("[data-smg-focus]");
    if (target) {
        target.focus();
    }
});
