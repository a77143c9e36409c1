using System.Globalization;
using CommunityService.Web.Bench.Seeding;

namespace CommunityService.Web.Bench.Baseline;

/// <summary>
/// <c>--seed-bench tiny|small|large [--seed N] [--bench-out DIR]</c>: seeds a fresh database with the benchmark's data
/// and writes the manifest the script reads. Bench builds only, and never in Production.
/// </summary>
public static class BenchCommand
{
    public const string Flag = "--seed-bench";

    public static async Task RunAsync(WebApplication app, IServiceProvider services, string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var size = BenchSize.Find(Arg(Flag) ?? "");
        if (size is null || app.Environment.IsProduction())
        {
            app.Logger.LogError("Usage: {Flag} tiny|small|large [--seed N] [--bench-out DIR], outside Production.", Flag);
            Environment.ExitCode = 2;
            return;
        }
        var seed = int.Parse(Arg("--seed") ?? "42", CultureInfo.InvariantCulture);
        var seeder = ActivatorUtilities.CreateInstance<BenchSeeder>(services);
        var manifest = await seeder.SeedAsync(size, seed, CancellationToken.None);
        await BenchSeeder.WriteAsync(manifest, Arg("--bench-out") ?? ".", CancellationToken.None);
    }
}
