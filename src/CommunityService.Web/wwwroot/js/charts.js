// Draws each <canvas class="result-chart" data-chart='{"labels":[],"counts":[],"label":""}'> as a bar chart.
// The same figures are in the table beside each chart, for screen readers and for those who prefer numbers.
(function () {
    "use strict";
    if (typeof Chart === "undefined") {
        return;
    }
    document.querySelectorAll("canvas.result-chart[data-chart]").forEach(function (canvas) {
        var data = JSON.parse(canvas.dataset.chart);
        new Chart(canvas, {
            type: "bar",
            data: { labels: data.labels, datasets: [{ label: data.label, data: data.counts, backgroundColor: "#0d6efd" }] },
            options: {
                indexAxis: data.labels.length > 5 ? "y" : "x",
                animation: false,
                plugins: { legend: { display: false } },
                scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
    });
}());
