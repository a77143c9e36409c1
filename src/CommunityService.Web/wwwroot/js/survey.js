// Shows a conditional question only when the earlier answer it depends on is chosen.
// Without JavaScript every question shows, and the server ignores answers to hidden ones.
(function () {
    "use strict";
    var form = document.querySelector(".survey-form");
    if (!form) {
        return;
    }
    var dependents = form.querySelectorAll("fieldset[data-show-when-question]:not([data-show-when-question=''])");
    function chosen(questionId, optionId) {
        var input = form.querySelector("input[name='q" + questionId + "'][value='" + optionId + "']");
        var owner = input && input.closest("fieldset.question");
        return !!input && input.checked && !!owner && !owner.hidden;
    }
    function update() {
        dependents.forEach(function (fieldset) {
            fieldset.hidden = !chosen(fieldset.dataset.showWhenQuestion, fieldset.dataset.showWhenOption);
        });
    }
    form.addEventListener("change", update);
    update();
}());
