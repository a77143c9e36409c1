namespace CommunityService.Web.Bench.Seeding;

/// <summary>
/// How much data the benchmark seeds on top of the demo data. Residents, projects and service records are the three
/// sizes the benchmark names; the rest follows from them (see the derived properties), except what a city has a fixed
/// number of whatever its history: the running projects with a notice on the board and the one big survey.
/// </summary>
public sealed record BenchSize(string Name, int Residents, int Projects, int Records, int Communities, int ActiveProjects, int BigSurveyResponses)
{
    public static readonly BenchSize Tiny = new("tiny", 200, 20, 2_000, 4, 8, 100);
    public static readonly BenchSize Small = new("small", 1_000, 100, 10_000, 10, 40, 10_000);
    public static readonly BenchSize Large = new("large", 100_000, 10_000, 1_000_000, 100, 400, 10_000);

    public static readonly IReadOnlyList<BenchSize> All = [Tiny, Small, Large];

    /// <summary>The first residents sign up in the benchmark's write test, so the seeder gives them no sign-ups of their own.</summary>
    public int Signers => Math.Min(200, Residents / 4);

    /// <summary>Six in ten residents filled in their profile.</summary>
    public int Profiles => Residents * 6 / 10;

    /// <summary>Two sign-ups per resident over the sessions of the years the data covers.</summary>
    public int SignUps => Residents * 2;

    /// <summary>One service in ten is rated.</summary>
    public int Feedback => Records / 10;

    /// <summary>One survey per twenty projects besides the big one; half a response per resident over them.</summary>
    public int Surveys => Math.Max(2, Projects / 20);

    public int ResponsesPerSurvey => Math.Max(5, Residents / 2 / Surveys);

    public static BenchSize? Find(string name) => All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
