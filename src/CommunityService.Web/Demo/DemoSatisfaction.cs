using System.Globalization;
using System.Resources;
using CommunityService.Data;
using CommunityService.Data.Projects;
using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;
using static CommunityService.Web.Demo.DemoSeeder;

namespace CommunityService.Web.Demo;

/// <summary>
/// 满意度调查 in the demo: the ready-made questionnaire (in Chinese, from the string table) plus one question of the staff's own,
/// answered from a fixed seed through the answering rules. 老年人助餐服务's is closed, answered on paper and in interviews before
/// its final report; 长者日间照料's is open, answered online by most of elder01–elder20 (elder15–elder20 have not yet) and on paper
/// by regulars without an account.
/// </summary>
internal static class DemoSatisfaction
{
    public const int Seed = 20261201;

    private static readonly string[] Improvements =
    [
        "希望增加周末场次。", "饭菜可以再软烂一些，适合牙口不好的老人。", "通知最好提前一周贴在楼道里。", "活动室冬天有点冷。",
        "希望工作人员多陪老人聊聊天。", "送餐时间再准时一点就更好了。", "希望多组织一些户外活动。",
    ];

    private static readonly ResourceManager Strings = new("CommunityService.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The wording a Chinese reader sees (the default language), as the questionnaire would be made on a Chinese page.</summary>
    private static string Chinese(string key) =>
        Strings.GetString(key, new CultureInfo("zh-CN")) ?? throw new InvalidOperationException($"\"{key}\" is missing from the string table.");

    /// <summary>A questionnaire started, with the staff's own question added, opened, and saved (its questions need ids for the answers).</summary>
    public static async Task<Survey> StartAsync(
        CommunityServiceDbContext db, ServiceProject project, string ownQuestion, string staffId, DateTime at, CancellationToken ct)
    {
        var community = await db.Communities.SingleAsync(c => c.Id == project.CommunityId, ct);
        Ensure(Survey.StartSatisfaction(project, community, anotherInProgress: false, Chinese(SatisfactionTemplate.Title).Replace("{0}", project.Name, StringComparison.Ordinal),
            SatisfactionTemplate.Questions(Chinese), DateOnly.FromDateTime(at), staffId, at, out var survey));
        survey!.Purpose = Chinese(SatisfactionTemplate.Purpose);
        Ensure(survey.AddQuestion(new SurveyQuestion { Type = QuestionType.Rating, Text = ownQuestion, Required = true }));
        Ensure(survey.Open());
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    /// <summary>
    /// The overall scores of a round, shuffled: so many 5s, 4s, 3s and 2s, so that the headline figure is the one the demo's
    /// story tells (the other scores vary around each person's overall one).
    /// </summary>
    public static Queue<int> OverallScores(Random random, int fives, int fours, int threes, int twos) =>
        new(Enumerable.Repeat(5, fives).Concat(Enumerable.Repeat(4, fours)).Concat(Enumerable.Repeat(3, threes)).Concat(Enumerable.Repeat(2, twos))
            .OrderBy(_ => random.Next()));

    /// <summary>
    /// One person's answers, checked by the same rules as the form: the <paramref name="overall"/> score, the other scores near it,
    /// "again" following the overall score, and now and then a suggestion.
    /// </summary>
    public static SurveyResponse Answer(Random random, Survey survey, int communityId, DateTime at, int overall)
    {
        var questions = survey.Ordered;
        var values = new Dictionary<int, AnswerInput>();
        foreach (var q in questions)
        {
            values[q.Id] = q.Type switch
            {
                QuestionType.Rating when values.Count == 0 => Score(overall),
                QuestionType.Rating => Score(Math.Clamp(overall + random.Next(-1, 2) - (random.NextDouble() < 0.1 ? 1 : 0), 1, 5)),
                QuestionType.SingleChoice => new AnswerInput([q.Options.OrderBy(o => o.Order).ElementAt(overall >= 4 ? 0 : random.Next(1, 3)).Id]),
                _ => random.NextDouble() < 0.3 ? new AnswerInput([], Text: Improvements[random.Next(Improvements.Length)]) : AnswerInput.Empty,
            };
        }
        if (AnswerRules.Check(questions, values).Count > 0)
        {
            throw new InvalidOperationException("Demo data broke an answering rule.");
        }
        var response = new SurveyResponse
        {
            SurveyId = survey.Id, CommunityId = communityId, SubmittedAt = at, UpdatedAt = at,
            AgeBand = random.NextDouble() < 0.7 ? AgeBand.From60To79 : AgeBand.From80,
        };
        response.Answers.AddRange(AnswerRules.ToAnswers(questions, values));
        return response;

        static AnswerInput Score(int score) => new([], Text: score.ToString(CultureInfo.InvariantCulture), Number: score);
    }
}
