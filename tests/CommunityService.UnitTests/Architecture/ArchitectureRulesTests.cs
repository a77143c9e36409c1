namespace CommunityService.UnitTests.Architecture;

/// <summary>
/// The rules of <see cref="ArchitectureRules"/> on small synthetic trees: a clean tree in the target layout breaks none, and each
/// kind of violation is reported by its rule with file, line and reference. This shows that each real-tree fact of
/// <see cref="ArchitectureTests"/> can fail.
/// </summary>
public class ArchitectureRulesTests
{
    /// <summary>
    /// A tree in the target layout that breaks no rule, although its comments, doc comments, Razor comments, strings and allowed
    /// literal name forbidden namespaces, and a property named like a feature (AuditTrail.Cases) is used with a dot.
    /// </summary>
    private static readonly SourceFile[] Clean =
    [
        Web("CommunityService.Web.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup><RootNamespace>CommunityService.Web</RootNamespace></PropertyGroup>
              <ItemGroup><ProjectReference Include="..\CommunityService.Data\CommunityService.Data.csproj" /></ItemGroup>
            </Project>
            """),
        Web("Program.cs", """
            using CommunityService.Web.Hosting;

            var app = Portal.Build(args);
            app.Run();
            """),
        Web("SharedResource.cs", "namespace CommunityService.Web;\n\npublic class SharedResource;\n"),
        Web("_ViewImports.cshtml", "@using CommunityService.Web\n@using CommunityService.Web.Shared\n@inject IStringLocalizer<SharedResource> L\n"),
        Web("Views/Shared/_Layout.cshtml", "@inject CommunityService.Web.Shared.PortalTime Time\n@* @using CommunityService.Web.Features.Cases *@\n<main>@RenderBody()</main>\n"),
        Web("Hosting/Portal.cs", """
            using CommunityService.Web.Bench;
            using CommunityService.Web.Demo;
            using CommunityService.Web.Features.Cases;

            namespace CommunityService.Web.Hosting;

            public static class Portal
            {
                public static void Wire() => Features.Cases.CaseProtector.Register();
            }
            """),
        Web("Shared/PortalTime.cs", """"
            using CommunityService.Data.Cases;

            namespace CommunityService.Web.Shared;

            // Unlike CommunityService.Web.Features.Cases, this is used everywhere.
            /// <summary>Time for <see cref="CommunityService.Web.Features.Cases.CaseProtector"/> and <see cref="Hosting.Portal"/>.</summary>
            public sealed class PortalTime
            {
                /* CommunityService.Web.Demo.DemoSeeder */
                public string Home { get; } = "https://example.org/CommunityService";   // CommunityService.Web.Hosting.Portal
                public char Slash { get; } = '/';
                public string Raw { get; } = $$"""{{Slash}} "quoted" // not a comment""";
            }
            """"),
        Web("Shared/FeatureViewLocationExpander.cs", """
            namespace CommunityService.Web.Shared
            {
                public sealed class FeatureViewLocationExpander
                {
                    private const string Root = "CommunityService.Web.Features.";
                }
            }
            """),
        Web("Features/Cases/CaseProtector.cs", """
            using CommunityService.Web.Shared;

            namespace CommunityService.Web.Features.Cases;

            public sealed class CaseProtector(PortalTime time)
            {
                public void Seal() => Shared.Audit.AuditTrail.Record(time);
            }
            """),
        Web("Features/Cases/Index.cshtml", "@model CommunityService.Web.Features.Cases.CaseProtector\n<p>@Model</p>\n"),
        Web("Shared/Audit/AuditTrail.cs", """
            namespace CommunityService.Web.Shared.Audit;

            public sealed class AuditTrail
            {
                public int Cases { get; set; }

                public string Count() => Cases.ToString();
            }
            """),
        Web("Features/Admin/Users/UsersController.cs", """
            using CommunityService.Web.Shared;

            namespace CommunityService.Web.Features.Admin.Users;

            public sealed class UsersController(PortalTime time);
            """),
        Web("Demo/DemoSeeder.cs", """
            namespace CommunityService.Web.Demo;

            public sealed class DemoSeeder(Features.Cases.CaseProtector cases, Shared.PortalTime time);
            """),
        Web("Bench/BenchCommand.cs", """
            namespace CommunityService.Web.Bench;

            public static class BenchCommand
            {
                public static string Seeder => nameof(Demo.DemoSeeder);
            }
            """),
        Data("CommunityService.Data.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" />
              </ItemGroup>
            </Project>
            """),
        Data("Cases/Case.cs", "namespace CommunityService.Data.Cases;\n\npublic class Case;\n"),
    ];

    [Fact]
    public void A_clean_tree_breaks_no_rule()
    {
        ArchitectureTests.AssertNone(ArchitectureRules.SharedUsesOnlyData(Clean), "rule 1");
        ArchitectureTests.AssertNone(ArchitectureRules.FeaturesUseNoHostingDemoOrBench(Clean), "rule 2");
        ArchitectureTests.AssertNone(ArchitectureRules.DemoAndBenchUseNoHosting(Clean), "rule 3");
        ArchitectureTests.AssertNone(ArchitectureRules.FeaturesUseNoOtherFeature(Clean), "rule 4");
        ArchitectureTests.AssertNone(ArchitectureRules.DataUsesNothingOfWeb(Clean), "rule 5");
        ArchitectureTests.AssertNone(ArchitectureRules.NamespacesMatchFolders(Clean), "rule 6");
        ArchitectureTests.AssertNone(ArchitectureRules.FilesAreInKnownLayers(Clean), "rule 7");
    }

    [Fact]
    public void Partly_qualified_names_resolve_from_the_enclosing_namespaces()
    {
        var references = Codebase.Of(Clean).References;

        Assert.Contains(references, r => r.Path.EndsWith("/Demo/DemoSeeder.cs", StringComparison.Ordinal)
            && r.Text == "Features.Cases.CaseProtector" && r.Name == "CommunityService.Web.Features.Cases.CaseProtector" && r.Target == new Place(Layer.Feature, "Cases"));
        Assert.Contains(references, r => r.Path.EndsWith("/Bench/BenchCommand.cs", StringComparison.Ordinal) && r.Target == new Place(Layer.Demo));
        Assert.Contains(references, r => r.Path.EndsWith("/Features/Cases/CaseProtector.cs", StringComparison.Ordinal)
            && r.Line == 7 && r.Text == "Shared.Audit.AuditTrail" && r.Target.Layer == Layer.Shared);
        // AuditTrail.Cases is a property: Cases.ToString() names no type of feature Cases.
        Assert.DoesNotContain(references, r => r.Path.EndsWith("/Shared/Audit/AuditTrail.cs", StringComparison.Ordinal) && r.Target.Name == "Cases");
    }

    [Fact]
    public void A_shared_file_using_a_feature_breaks_rule_1()
    {
        var paging = Web("Shared/Paging.cs", "using CommunityService.Web.Features.Cases;\n\nnamespace CommunityService.Web.Shared;\n\npublic static class Paging;\n");

        var violation = Assert.Single(ArchitectureRules.SharedUsesOnlyData([.. Clean, paging]));

        Assert.Equal("src/CommunityService.Web/Shared/Paging.cs:1: Shared uses Features/Cases via CommunityService.Web.Features.Cases", violation);
    }

    [Fact]
    public void A_shared_view_injecting_a_feature_breaks_rule_1()
    {
        var menu = Web("Views/Shared/_Menu.cshtml", "<nav>\n@inject CommunityService.Web.Features.X.Y Z\n</nav>\n");

        var violation = Assert.Single(ArchitectureRules.SharedUsesOnlyData([.. Clean, menu]));

        Assert.Equal("src/CommunityService.Web/Views/Shared/_Menu.cshtml:2: Shared uses Features/X via CommunityService.Web.Features.X.Y", violation);
    }

    [Theory]
    [InlineData("Startup.cs", "namespace CommunityService.Web;\n\npublic static class Startup\n{\n    public static void Go() => Hosting.Portal.Wire();\n}\n",
        "Startup.cs:5: Shared uses Hosting via Hosting.Portal (= CommunityService.Web.Hosting.Portal)")]
    [InlineData("_ViewStart.cshtml", "@{\n    Layout = CommunityService.Web.Demo.DemoSeeder.Layout;\n}\n",
        "_ViewStart.cshtml:2: Shared uses Demo via CommunityService.Web.Demo.DemoSeeder.Layout")]
    [InlineData("Shared/Names.cs", "namespace CommunityService.Web.Shared;\n\npublic static class Names\n{\n    public const string Type = \"CommunityService.Web.Features.Cases.CaseProtector\";\n}\n",
        "Shared/Names.cs:5: Shared uses Features/Cases via CommunityService.Web.Features.Cases.CaseProtector")]
    [InlineData("Shared/Links.cs", "namespace CommunityService.Web.Shared;\n\npublic static class Links\n{\n    public static object[] All = [\"http://x\", '\"', typeof(CommunityService.Web.Hosting.Portal)];\n}\n",
        "Shared/Links.cs:5: Shared uses Hosting via CommunityService.Web.Hosting.Portal")]
    [InlineData("Shared/Labels.cs", "namespace CommunityService.Web.Shared;\n\npublic static class Labels\n{\n    public static string Of(object o) => $\"{o}: {Features.Cases.CaseProtector.Name}\";\n}\n",
        "Shared/Labels.cs:5: Shared uses Features/Cases via Features.Cases.CaseProtector (= CommunityService.Web.Features.Cases.CaseProtector)")]
    [InlineData("Shared/Aliased.cs", "using Web = CommunityService.Web;\n\nnamespace CommunityService.Web.Shared;\n\npublic static class Aliased\n{\n    public static string Seeder => Web.Bench.BenchCommand.Seeder;\n}\n",
        "Shared/Aliased.cs:7: Shared uses Bench via Web.Bench.BenchCommand (= CommunityService.Web.Bench.BenchCommand)")]
    [InlineData("Shared/Statics.cs", "using static CommunityService.Web.Demo.DemoSeeder;\n\nnamespace CommunityService.Web.Shared;\n\npublic static class Statics;\n",
        "Shared/Statics.cs:1: Shared uses Demo via CommunityService.Web.Demo.DemoSeeder")]
    [InlineData("Shared/Usings.cs", "global using CommunityService.Web.Bench;\n", "Shared/Usings.cs:1: Shared uses Bench via CommunityService.Web.Bench")]
    public void Every_form_of_reference_from_shared_breaks_rule_1(string path, string text, string expected)
    {
        var violation = Assert.Single(ArchitectureRules.SharedUsesOnlyData([.. Clean, Web(path, text)]));

        Assert.Equal("src/CommunityService.Web/" + expected, violation);
    }

    [Fact]
    public void A_feature_using_hosting_demo_or_bench_breaks_rule_2()
    {
        SourceFile[] tree =
        [
            .. Clean,
            Web("Features/Cases/CasesController.cs", "using CommunityService.Web.Hosting;\n\nnamespace CommunityService.Web.Features.Cases;\n\npublic sealed class CasesController;\n"),
            Web("Features/Audit/AuditSeed.cs", "namespace CommunityService.Web.Features.Audit;\n\npublic sealed class AuditSeed(Demo.DemoSeeder seeder);\n"),
            Web("Features/Admin/Users/Bench.cshtml", "@inject CommunityService.Web.Bench.BenchCommand Command\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Web/Features/Admin/Users/Bench.cshtml:1: Features/Admin uses Bench via CommunityService.Web.Bench.BenchCommand",
                "src/CommunityService.Web/Features/Audit/AuditSeed.cs:3: Features/Audit uses Demo via Demo.DemoSeeder (= CommunityService.Web.Demo.DemoSeeder)",
                "src/CommunityService.Web/Features/Cases/CasesController.cs:1: Features/Cases uses Hosting via CommunityService.Web.Hosting",
            ],
            ArchitectureRules.FeaturesUseNoHostingDemoOrBench(tree));
    }

    [Fact]
    public void Demo_or_bench_using_hosting_breaks_rule_3()
    {
        SourceFile[] tree =
        [
            .. Clean,
            Web("Demo/DemoCommand.cs", "using CommunityService.Web.Hosting;\n\nnamespace CommunityService.Web.Demo;\n\npublic static class DemoCommand;\n"),
            Web("Demo/DemoBench.cs", "namespace CommunityService.Web.Demo;\n\npublic static class DemoBench\n{\n    public static string Seeder => Bench.BenchCommand.Seeder;\n}\n"),
            Web("Bench/Baseline/Fortunes.cshtml", "@inject CommunityService.Web.Hosting.Portal Portal\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Web/Bench/Baseline/Fortunes.cshtml:1: Bench uses Hosting via CommunityService.Web.Hosting.Portal",
                "src/CommunityService.Web/Demo/DemoBench.cs:5: Demo uses Bench via Bench.BenchCommand (= CommunityService.Web.Bench.BenchCommand)",
                "src/CommunityService.Web/Demo/DemoCommand.cs:1: Demo uses Hosting via CommunityService.Web.Hosting",
            ],
            ArchitectureRules.DemoAndBenchUseNoHosting(tree));
    }

    [Fact]
    public void A_feature_using_another_breaks_rule_4()
    {
        SourceFile[] tree =
        [
            .. Clean,
            Web("Features/Audit/Log.cshtml", "@using CommunityService.Web.Features.Cases\n<p>@L[\"Log\"]</p>\n"),
            Web("Features/Cases/CaseAudit.cs", "namespace CommunityService.Web.Features.Cases;\n\npublic sealed class CaseAudit(Admin.Users.UsersController users);\n"),
            Web("Features/Cases/CaseList.cs", "using CommunityService.Web.Features.Cases;\n\nnamespace CommunityService.Web.Features.Cases;\n\npublic sealed class CaseList(CaseProtector cases);\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Web/Features/Audit/Log.cshtml:1: Features/Audit uses Features/Cases via CommunityService.Web.Features.Cases",
                "src/CommunityService.Web/Features/Cases/CaseAudit.cs:3: Features/Cases uses Features/Admin via Admin.Users.UsersController (= CommunityService.Web.Features.Admin.Users.UsersController)",
            ],
            ArchitectureRules.FeaturesUseNoOtherFeature(tree));
    }

    [Fact]
    public void Data_using_web_breaks_rule_5()
    {
        SourceFile[] tree =
        [
            .. Clean.Where(f => !f.Path.EndsWith("CommunityService.Data.csproj", StringComparison.Ordinal)),
            Data("CommunityService.Data.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <ProjectReference Include="..\CommunityService.Web\CommunityService.Web.csproj" />
                  </ItemGroup>
                </Project>
                """),
            Data("Cases/CaseRules.cs", "using CommunityService.Web.Shared;\n\nnamespace CommunityService.Data.Cases;\n\npublic static class CaseRules;\n"),
            Data("Cases/CaseClock.cs", "namespace CommunityService.Data.Cases;\n\npublic sealed class CaseClock(Web.Shared.PortalTime time);\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Data/Cases/CaseClock.cs:3: Data uses Shared via Web.Shared.PortalTime (= CommunityService.Web.Shared.PortalTime)",
                "src/CommunityService.Data/Cases/CaseRules.cs:1: Data uses Shared via CommunityService.Web.Shared",
                @"src/CommunityService.Data/CommunityService.Data.csproj:3: ProjectReference to ..\CommunityService.Web\CommunityService.Web.csproj",
            ],
            ArchitectureRules.DataUsesNothingOfWeb(tree));
    }

    [Fact]
    public void A_namespace_unlike_its_folder_breaks_rule_6()
    {
        SourceFile[] tree =
        [
            .. Clean,
            Web("Features/Cases/Wrong.cs", "namespace CommunityService.Web.Features.Audit;\n\npublic sealed class Wrong;\n"),
            Web("Shared/Loose.cs", "// namespace CommunityService.Web.Shared;\n\npublic static class Loose;\n"),
            Web("Shared/Misplaced.cs", "namespace CommunityService.Web.Features.Cases;\n\npublic static class Misplaced;\n"),
            Data("Cases/Flat.cs", "namespace CommunityService.Data;\n\npublic sealed class Flat;\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Web/Features/Cases/Wrong.cs:1: namespace CommunityService.Web.Features.Audit, expected CommunityService.Web.Features.Cases",
                "src/CommunityService.Web/Shared/Loose.cs: no namespace declaration, expected namespace CommunityService.Web.Shared",
                "src/CommunityService.Web/Shared/Misplaced.cs:1: namespace CommunityService.Web.Features.Cases, expected CommunityService.Web.Shared",
                "src/CommunityService.Data/Cases/Flat.cs:1: namespace CommunityService.Data, expected CommunityService.Data.Cases",
            ],
            ArchitectureRules.NamespacesMatchFolders(tree));
        // A namespace declaration is not a reference: the misplaced Shared file is rule 6's alone.
        ArchitectureTests.AssertNone(ArchitectureRules.SharedUsesOnlyData(tree), "rule 1");
    }

    [Fact]
    public void A_file_outside_the_layers_breaks_rule_7()
    {
        SourceFile[] tree =
        [
            .. Clean,
            Web("Infrastructure/PortalSetup.cs", "namespace CommunityService.Web.Infrastructure;\n\npublic static class PortalSetup;\n"),
            Web("Features/Demo/DemoSeeder.cs", "namespace CommunityService.Web.Features.Demo;\n\npublic sealed class DemoSeeder;\n"),
            Web("Features/Loose.cs", "namespace CommunityService.Web.Features;\n\npublic static class Loose;\n"),
            Web("Views/Home/Index.cshtml", "<p>Home</p>\n"),
        ];

        Assert.Equal(
            [
                "src/CommunityService.Web/Infrastructure/PortalSetup.cs: folder Infrastructure is in no layer (Program.cs, Hosting/, Demo/, Bench/, Features/<Name>/, Shared/, Views/Shared/ or a root file)",
                "src/CommunityService.Web/Features/Demo/DemoSeeder.cs: feature folder Features/Demo bears a layer's name; it belongs in Demo/",
                "src/CommunityService.Web/Features/Loose.cs: folder Features is in no layer (Program.cs, Hosting/, Demo/, Bench/, Features/<Name>/, Shared/, Views/Shared/ or a root file)",
                "src/CommunityService.Web/Views/Home/Index.cshtml: folder Views/Home is in no layer (Program.cs, Hosting/, Demo/, Bench/, Features/<Name>/, Shared/, Views/Shared/ or a root file)",
            ],
            ArchitectureRules.FilesAreInKnownLayers(tree));
    }

    private static SourceFile Web(string path, string text) => new($"{Layers.WebProject}/{path}", text);

    private static SourceFile Data(string path, string text) => new($"{Layers.DataProject}/{path}", text);
}
