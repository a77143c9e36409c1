using System.Globalization;
using CommunityService.Data.Surveys;

namespace CommunityService.Web.Features.Surveys;

/// <summary>A survey's results as one sheet (Excel or CSV), beside the results' query; <c>Q</c> translates a column or a word.</summary>
public static class SurveyResultsExport
{
    public static string[] Columns(Func<string, string> Q) => [Q("No."), Q("Question"), Q("Answer"), Q("Count"), Q("Percent")];

    /// <summary>A row per answer of each question (its options, ratings, average, answers in words), then how many answered.</summary>
    public static List<Dictionary<string, object>> Rows(SurveyResults results, Func<string, string> Q)
    {
        var rows = new List<Dictionary<string, object>>();
        foreach (var r in results.Questions)
        {
            void Add(string answer, object count, object percent) => rows.Add(new()
            {
                [Q("No.")] = r.Question.Order, [Q("Question")] = r.Question.Text, [Q("Answer")] = answer, [Q("Count")] = count, [Q("Percent")] = percent,
            });
            if (r.Question.IsChoice)
            {
                foreach (var o in r.Options)
                {
                    Add(o.Text.Length == 0 ? Q("Other") : o.Text, o.Count, o.Percent);
                }
            }
            else if (r.Question.Type == QuestionType.Rating)
            {
                for (var v = 0; v < r.Ratings.Count; v++)
                {
                    Add((v + 1).ToString(CultureInfo.InvariantCulture), r.Ratings[v], SurveyTally.Percent(r.Ratings[v], r.Respondents));
                }
            }
            if (r.Numbers is { } n)
            {
                Add(Q("Average"), Math.Round(n.Average, 2), "");
            }
            if (r.Question.IsText)
            {
                Add(Q("Answers in words"), r.TextCount, "");
            }
            Add(Q("Answered"), r.Respondents, SurveyTally.Percent(r.Respondents, results.Total));
        }
        return rows;
    }
}
