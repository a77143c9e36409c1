using System.Net;
using System.Text.RegularExpressions;
using CommunityService.Data.Surveys;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Pages;

/// <summary>
/// A survey's results are kept in memory under a stamp of its responses (<c>Surveys:ResultsCacheMinutes</c>, switched off
/// for the other tests): opened again, the page runs none of its GROUP BY commands; a new or changed response is counted
/// at the next visit, because the stamp is read from the database every time.
/// </summary>
public partial class SurveyResultsCacheTests(PortalFactory portal) : PortalTest(portal)
{
    private const int ClosedSurvey = 1;

    /// <summary>The total, the number of responses in the result table, and the seven commands that compute the figures.</summary>
    private const int FigureCommands = 7;

    [GeneratedRegex(@"共 ([\d,]+) 份答卷")]
    private static partial Regex TotalPattern();

    private static int Total(string html) => int.Parse(TotalPattern().Match(html).Groups[1].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Opened_again_the_results_are_not_worked_out_again_until_a_response_changes()
    {
        await using var app = Portal.WithWebHostBuilder(b => b.UseSetting("Surveys:ResultsCacheMinutes", "10"));
        var staff = PortalFactory.AnonymousClient(app);
        var signIn = await staff.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "staff", ["Password"] = "Demo@12345" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        const string Url = "/surveys/1/results?channel=Paper";

        var (first, firstCommands) = await Portal.CountCommandsAsync(staff, Url);
        var total = Total(await first.Content.ReadAsStringAsync());
        var (again, againCommands) = await Portal.CountCommandsAsync(staff, Url);
        Assert.Equal(firstCommands - FigureCommands, againCommands);
        Assert.Equal(total, Total(await again.Content.ReadAsStringAsync()));

        // A paper questionnaire typed in: a new response, counted at the next visit.
        await Portal.WithDbAsync(async db =>
        {
            var question = await db.SurveyQuestions.Include(q => q.Options).FirstAsync(q => q.SurveyId == ClosedSurvey && q.Type == QuestionType.SingleChoice);
            db.SurveyResponses.Add(new SurveyResponse
            {
                SurveyId = ClosedSurvey, Channel = ResponseChannel.Paper, SubmittedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                Answers = [new SurveyAnswer { QuestionId = question.Id, OptionId = question.Options[0].Id }],
            });
            await db.SaveChangesAsync();
        });
        var (added, addedCommands) = await Portal.CountCommandsAsync(staff, Url);
        Assert.Equal(firstCommands, addedCommands);
        Assert.Equal(total + 1, Total(await added.Content.ReadAsStringAsync()));

        // The same response changed in place (its version moves): no longer a paper answer, so the filter counts one fewer.
        await Portal.WithDbAsync(async db =>
        {
            var response = await db.SurveyResponses.Where(r => r.SurveyId == ClosedSurvey).OrderByDescending(r => r.Id).FirstAsync();
            response.Channel = ResponseChannel.Interview;
            await db.SaveChangesAsync();
        });
        var (changed, changedCommands) = await Portal.CountCommandsAsync(staff, Url);
        Assert.Equal(firstCommands, changedCommands);
        Assert.Equal(total, Total(await changed.Content.ReadAsStringAsync()));
    }
}
