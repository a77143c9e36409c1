using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using CommunityService.Data;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.IntegrationTests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Database;

/// <summary>
/// SQL Server cannot run here, so its queries are proven by translation: the real app serves every page of the role matrix to
/// the roles allowed to see it (on the suite's database), every LINQ query it compiles on the way is recorded as EF Core hands it
/// to its compiler, and each is then compiled by the SQL Server provider, without a server. A query SQL Server's provider cannot
/// translate fails here, naming the page that ran it.
/// </summary>
public class SqlServerTranslationTests(PortalFactory portal) : PortalTest(portal)
{
    private const string NoServer = "Server=localhost;Database=CommunityService;Integrated Security=true;TrustServerCertificate=true";

    [Fact]
    public async Task Every_query_the_pages_run_translates_for_sql_server()
    {
        var recorder = new QueryRecorder();
        using var app = Portal.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.ConfigureDbContext<CommunityServiceDbContext>(o => o.AddInterceptors(recorder))));
        var pages = 0;
        foreach (var row in RoleMatrix.Rows.Where(r => r.Method == "GET"))
        {
            for (var role = 0; role < RoleMatrix.Users.Length; role++)
            {
                if (row.Expected[role] != "200")
                {
                    continue;
                }
                using var client = await SignedInAsync(app, RoleMatrix.Users[role]);
                recorder.Page = $"{row.Sample} as {RoleMatrix.Users[role] ?? "anonymous"}";
                using var response = await client.GetAsync(row.Sample);
                pages++;
                break;
            }
        }

        var failures = Translate(recorder.Queries);

        Assert.True(pages > 60, $"only {pages} pages served");
        Assert.True(recorder.Queries.Count > 150, $"only {recorder.Queries.Count} different queries recorded");
        Assert.True(failures.Count == 0, $"{failures.Count} of {recorder.Queries.Count} queries do not translate for SQL Server:\n" + string.Join("\n\n", failures));
    }

    [Fact]
    public void A_query_sql_server_cannot_translate_is_reported()
    {
        using var sqlite = new CommunityServiceDbContext(new DbContextOptionsBuilder<CommunityServiceDbContext>().UseSqlite("Data Source=:memory:").Options);
        var untranslatable = sqlite.Projects.Where(p => Reversed(p.Name) == "a").Expression;
        var translatable = sqlite.Projects.Where(p => p.Name.StartsWith('a')).OrderBy(p => p.Id).Select(p => p.Id).Expression;

        var failures = Translate(new Dictionary<string, (Expression, string)>
        {
            ["bad"] = (untranslatable, "a page"),
            ["good"] = (translatable, "another page"),
        });

        var failure = Assert.Single(failures);
        Assert.Contains("a page", failure, StringComparison.Ordinal);
        Assert.Contains("could not be translated", failure, StringComparison.Ordinal);
    }

    private static string Reversed(string text) => new([.. text.Reverse()]);

    private async Task<HttpClient> SignedInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string? user)
    {
        var client = PortalFactory.AnonymousClient(app);
        if (user is not null)
        {
            await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = user, ["Password"] = "Demo@12345" });
        }
        return client;
    }

    /// <summary>Compiles each query with the SQL Server provider; one line of failure per query that does not translate.</summary>
    private static List<string> Translate(IReadOnlyDictionary<string, (Expression Query, string Page)> queries)
    {
        using var db = new CommunityServiceDbContext(new DbContextOptionsBuilder<CommunityServiceDbContext>().UseSqlServer(NoServer).Options);
        var database = db.GetService<IDatabase>();
        var compile = typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!;
        var failures = new List<string>();
        foreach (var (text, (query, page)) in queries)
        {
            var result = Enumerable(query.Type) is { } element ? typeof(IEnumerable<>).MakeGenericType(element) : query.Type;
            try
            {
                compile.MakeGenericMethod(result).Invoke(database, [query, false]);
            }
            catch (TargetInvocationException e)
            {
                failures.Add($"{page}: {e.InnerException!.GetType().Name}: {e.InnerException.Message}\n  {text}");
            }
        }
        return failures;
    }

    /// <summary>The element type of a query of many rows; null for a query of one value (First, Count, Any …).</summary>
    private static Type? Enumerable(Type type) =>
        typeof(IQueryable).IsAssignableFrom(type)
            ? type.GetInterfaces().Append(type).First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0]
            : null;

    /// <summary>Every query expression EF Core is about to compile, once per shape, with the page that first ran it.</summary>
    private sealed class QueryRecorder : IQueryExpressionInterceptor
    {
        public ConcurrentDictionary<string, (Expression Query, string Page)> Queries { get; } = new(StringComparer.Ordinal);

        public string Page { get; set; } = "start-up";

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
        {
            Queries.TryAdd(queryExpression.ToString(), (queryExpression, Page));
            return queryExpression;
        }
    }
}
