using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Bench.Baseline;

/// <summary>
/// TechEmpower's "fortunes" test as MVC + Razor + EF Core: read the twelve rows, add one at request time, sort by
/// message, render them HTML-encoded. It runs through the portal's whole pipeline, so it is the most this framework
/// and this middleware can serve a page that reads the database: the benchmark's baseline.
/// </summary>
[AllowAnonymous]
public sealed class FortunesController(FortuneDbContext db) : Controller
{
    [HttpGet("/fortunes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var fortunes = await db.Fortunes.AsNoTracking().ToListAsync(ct);
        fortunes.Add(new Fortune { Id = 0, Message = "Additional fortune added at request time." });
        fortunes.Sort((a, b) => string.CompareOrdinal(a.Message, b.Message));
        // Bench/ is not a feature folder: the view is named by its path.
        return View("~/Bench/Baseline/Fortunes.cshtml", fortunes);
    }
}
