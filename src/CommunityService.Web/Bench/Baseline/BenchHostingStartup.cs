using System.Runtime.CompilerServices;
using CommunityService.Data;
using CommunityService.Web.Bench.Baseline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

[assembly: HostingStartup(typeof(BenchHostingStartup))]

namespace CommunityService.Web.Bench.Baseline;

/// <summary>
/// Only in bench builds (<c>-p:Bench=true</c>; this folder is not compiled otherwise). ASP.NET Core runs the hosting
/// startups of the application's own assembly, so the benchmark's services come in without a line in the portal's setup:
/// the fortunes baseline's DbContext over the same SQLite file, and the SQL command counter with its response header.
/// </summary>
public sealed class BenchHostingStartup : IHostingStartup
{
    public const string Header = "X-Sql-Commands";

    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices((context, services) =>
    {
        var counter = new SqlCommandCounter();
        services.AddSingleton(counter);
        services.ConfigureDbContext<CommunityServiceDbContext>(o => o.AddInterceptors(counter));
        // The same provider, connection string and lifetime as the portal's own DbContext: only the page differs.
        services.AddDbContext<FortuneDbContext>((provider, o) =>
        {
            var portal = provider.GetRequiredService<CommunityServiceDbContext>().Database;
            _ = portal.IsNpgsql() ? o.UseNpgsql(portal.GetConnectionString()) : o.UseSqlite(portal.GetConnectionString());
            o.AddInterceptors(counter);
        });
        services.AddSingleton<IStartupFilter, CountingStartupFilter>();
    });

    /// <summary>Outermost middleware: counts the request's commands and sends the count as a header.</summary>
    private sealed class CountingStartupFilter(SqlCommandCounter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                var box = counter.Begin();
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[Header] = box.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
                await inner(context);
            });
            next(app);
        };
    }
}

/// <summary>Counts the SQL commands of the current request (an async-local box set by the middleware).</summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly AsyncLocal<StrongBox<int>?> current = new();

    public StrongBox<int> Begin()
    {
        var box = new StrongBox<int>();
        current.Value = box;
        return box;
    }

    private void Count()
    {
        if (current.Value is { } box)
        {
            Interlocked.Increment(ref box.Value);
        }
    }

    public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
