using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Publicity;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Communities;
using CommunityService.Web.Features.Reviews;
using CommunityService.Web.Shared.Forms;

namespace CommunityService.UnitTests.Localization;

public partial class StringTableTests
{
    private static readonly Dictionary<string, Dictionary<string, string>> Tables = new[] { "zh-CN", "en" }
        .ToDictionary(c => c, c => Read(RepositoryFiles.Path("src", "CommunityService.Web", "Resources", $"SharedResource.{c}.resx")));

    public static TheoryData<string> Cultures => new(Tables.Keys);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_literal_key_in_code_and_views_has_an_entry(string culture)
    {
        var missing = LiteralKeys().Where(k => !Tables[culture].ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"{culture} lacks: " + string.Join(" | ", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_enum_value_shown_in_the_ui_has_an_entry(string culture)
    {
        Type[] enums = [typeof(ServiceCategory), typeof(TargetGroup), typeof(FeeTier), typeof(DeliveryMode), typeof(ProjectStage),
            typeof(DecisionOutcome), typeof(PlanStatus), typeof(ReportStatus), typeof(NoticeStatus), typeof(EvaluationTiming), typeof(VenueOwner),
            typeof(SurveyStatus), typeof(QuestionType), typeof(ResponseChannel), typeof(AgeBand), typeof(FieldNoteKind), typeof(NeedStatus), typeof(NeedPriority),
            typeof(FundingSource), typeof(MeasuredBy), typeof(OpinionStance), typeof(OpinionSource), typeof(ReviewKind),
            typeof(PublicityChannel), typeof(SignUpStatus), typeof(SignUpChannel), typeof(HomeVisitStatus), typeof(TimeOfDay),
            typeof(WorkStatus), typeof(AdjustmentStatus), typeof(ObjectiveState), typeof(Data.Volunteers.ShiftStatus), typeof(Data.Cases.CaseStatus),
            typeof(Web.Shared.Audit.AuditAction), typeof(Web.Shared.Audit.AuditResult), typeof(Web.Shared.Audit.AuditRecordType), typeof(Data.Cases.CaseField),
            typeof(Web.Features.Adjustments.AdjustmentChange), typeof(EvaluationSection)];
        var keys = enums.SelectMany(e => Enum.GetNames(e).Select(n => $"{e.Name}.{n}"))
            .Concat(Roles.All.Select(r => $"Role.{r}"))
            .Concat(Enum.GetNames<ServiceCategory>().Select(n => $"ServiceCategory.{n}.Description"))
            .Concat(Enumerable.Range(1, 5).Select(r => $"Rating.{r}"));

        var missing = keys.Where(k => !Tables[culture].ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"{culture} lacks: " + string.Join(" | ", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_rule_message_of_the_domain_has_an_entry(string culture)
    {
        var messages = new[]
            {
                typeof(GateMessages), typeof(ServicePlan), typeof(EvaluationReport), typeof(Web.Shared.Mvc.FormExtensions), typeof(Survey), typeof(AnswerRules),
                typeof(Web.Features.Plans.PlansController), typeof(RepresentativeRules),
                typeof(Notice), typeof(ServiceSession), typeof(SignUp), typeof(HomeVisitRequest), typeof(ResidentProfile), typeof(Web.Shared.Mvc.PhoneNumbers),
                typeof(Web.Features.HomeVisits.HomeVisitsController), typeof(Web.Features.HomeVisits.HomeVisitForm), typeof(Web.Features.HomeVisits.ScheduleForm),
                typeof(Web.Features.Cases.CaseRules), typeof(Web.Features.Cases.NoteForm), typeof(Web.Features.Cases.WorkerForm),
                typeof(Data.Volunteers.Shift), typeof(Web.Features.Volunteers.ShiftsController),
                typeof(PlanAdjustment),
                typeof(Data.Money.MoneyRules),
                typeof(Web.Shared.Forms.ReviewForm), typeof(Web.Features.Adjustments.AdjustmentReviewForm), typeof(Web.Shared.Forms.DecisionForm),
            }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).EndsWith('.'))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(EvaluationReport.NeedsNarrative.Values);

        var missing = messages.Where(m => !Tables[culture].ContainsKey(m)).ToList();

        Assert.True(missing.Count == 0, $"{culture} lacks: " + string.Join(" | ", missing));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Every_field_a_profile_change_names_has_an_entry(string culture)
    {
        var missing = ProfileChanges.Labels.Where(k => !Tables[culture].ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, $"{culture} lacks: " + string.Join(" | ", missing));
    }

    [Fact]
    public void Both_languages_have_the_same_keys_and_no_empty_text()
    {
        Assert.Equal(Tables["zh-CN"].Keys.Order(), Tables["en"].Keys.Order());
        Assert.DoesNotContain(Tables.Values.SelectMany(t => t), e => string.IsNullOrWhiteSpace(e.Value));
    }

    [Fact]
    public void The_chinese_table_is_actually_chinese()
    {
        var untranslated = Tables["zh-CN"].Where(e => !HanCharacter().IsMatch(e.Value)).Select(e => e.Key).ToList();

        Assert.True(untranslated.Count == 0, "Not translated: " + string.Join(" | ", untranslated));
    }

    private static IEnumerable<string> LiteralKeys()
    {
        var web = RepositoryFiles.Path("src", "CommunityService.Web");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeysIn(File.ReadAllText(f)))
            .Distinct();
    }

    /// <summary>
    /// The literal keys of a file: those looked up directly, and the literal arguments of a helper that looks its argument up (a
    /// local function such as <c>string Q(string key) => l[key].Value</c>, or a <c>Func&lt;string, string&gt;</c> parameter it is passed as).
    /// </summary>
    private static IEnumerable<string> KeysIn(string text)
    {
        var keys = LocalizerLiteral().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var helpers = KeyHelper().Matches(text).Select(m => m.Groups[1].Value).Concat(KeyHelperParameter().Matches(text).Select(m => m.Groups[1].Value)).Distinct();
        foreach (var helper in helpers)
        {
            keys.AddRange(Regex.Matches(text, $$"""(?<![\w.]){{Regex.Escape(helper)}}\("((?:[^"\\]|\\.)*)"[,)]""").Select(m => m.Groups[1].Value));
        }
        return keys.Select(Regex.Unescape);
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [GeneratedRegex("""\b[Ll](?:ocalizer)?\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex LocalizerLiteral();

    [GeneratedRegex(@"\bstring\s+(\w+)\s*\(\s*string\s+(\w+)\s*\)\s*=>\s*[Ll](?:ocalizer)?\[\s*\2\s*\]")]
    private static partial Regex KeyHelper();

    [GeneratedRegex(@"\bFunc<string,\s*string>\s+(\w+)")]
    private static partial Regex KeyHelperParameter();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}]")]
    private static partial Regex HanCharacter();
}
