// Draws each dashboard chart from its <canvas data-chart='{"type","stacked","labels","datasets":[{"label","data"}]}'>.
// The same figures are in the table beside each chart: the table is the accessible version.
(function () {
    "use strict";
    if (typeof Chart === "undefined") {
        return;
    }
    var colours = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#6c757d"];
    document.querySelectorAll(".dashboard-chart canvas[data-chart]").forEach(function (canvas) {
        var data = JSON.parse(canvas.dataset.chart);
        var line = data.type === "line";
        // A data set on its own axis (hours beside counts) is drawn as a line against a scale on the right.
        var second = data.datasets.filter(function (set) { return set.axis === "y1"; })[0];
        new Chart(canvas, {
            type: data.type,
            data: {
                labels: data.labels,
                datasets: data.datasets.map(function (set, i) {
                    return {
                        type: set.axis === "y1" ? "line" : undefined,
                        yAxisID: set.axis || "y",
                        label: set.label,
                        data: set.data,
                        backgroundColor: colours[i % colours.length],
                        borderColor: colours[i % colours.length],
                        spanGaps: true,
                        fill: false
                    };
                })
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                plugins: { legend: { display: data.datasets.length > 1, position: "bottom" } },
                scales: {
                    x: { stacked: data.stacked },
                    y: { stacked: data.stacked, beginAtZero: true, suggestedMax: line ? 100 : undefined },
                    y1: second
                        ? { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: second.label } }
                        : { display: false }
                }
            }
        });
    });
}());
