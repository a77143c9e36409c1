// The print button of printable documents (no inline handlers, so the page works under a strict CSP).
document.querySelectorAll(".print-button").forEach(function (button) {
    "use strict";
    button.addEventListener("click", function () { window.print(); });
});
