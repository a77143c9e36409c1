using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Needs;
using CommunityService.Data.Surveys;

namespace CommunityService.Web.Demo;

/// <summary>
/// A closed needs survey with 300 generated answers (fixed seed, so every run has the same figures), its
/// interview and observation notes and the needs found from it; and an open survey residents can answer.
/// </summary>
public static class DemoSurveys
{
    public const int Seed = 20261129;
    public const int ClosedSurveyResponses = 300;

    public static async Task AddAsync(CommunityServiceDbContext db, IReadOnlyList<Community> communities, IReadOnlyList<ServiceType> types,
        string staffId, DateTime now, CancellationToken ct)
    {
        var random = new Random(Seed);
        var closed = new Survey
        {
            Title = "2026 年居民服务需求调查", Purpose = "了解居民，特别是老人、残疾人和困难家庭最需要哪些社区服务，为明年的服务项目提供依据。",
            StartDate = DateOnly.FromDateTime(now.AddDays(-120)), EndDate = DateOnly.FromDateTime(now.AddDays(-60)),
            UsesQuestionnaire = true, UsesInterview = true, UsesObservation = true, CreatedById = staffId, CreatedAt = now.AddDays(-125),
            Communities = [.. communities],
        };
        var household = Choice(QuestionType.SingleChoice, "您的家庭情况是？", true, "独居", "与配偶同住", "与子女同住", "其他");
        var needs = Choice(QuestionType.MultipleChoice, "您最需要社区提供哪些服务？（可多选）", true, "助餐服务", "上门康复", "健康讲座", "儿童托管", "家政服务", "就业指导");
        needs.AllowOther = true;
        var satisfaction = new SurveyQuestion { Type = QuestionType.Rating, Text = "您对目前社区服务的满意程度", Required = true };
        var meals = Choice(QuestionType.SingleChoice, "您是否需要助餐服务？", true, "需要", "不需要");
        var mealWay = Choice(QuestionType.SingleChoice, "您希望助餐服务怎样提供？", true, "到长者食堂就餐", "送餐上门", "都可以");
        mealWay.ConditionQuestion = meals;
        mealWay.ConditionOption = meals.Options[0];
        var pay = new SurveyQuestion { Type = QuestionType.Number, Text = "您每月愿意为社区服务支付多少元？", Required = false };
        var advice = new SurveyQuestion { Type = QuestionType.LongText, Text = "您对社区服务还有什么建议？", Required = false };
        foreach (var q in new[] { household, needs, satisfaction, meals, mealWay, pay, advice })
        {
            DemoSeeder.Ensure(closed.AddQuestion(q));
        }
        DemoSeeder.Ensure(closed.Open());
        db.Surveys.Add(closed);
        await db.SaveChangesAsync(ct);

        string[] advices = ["希望增加周末的活动", "送餐可以再准时一些", "希望有人定期上门看看独居老人", "活动室开放时间能不能长一点", "希望多办健康讲座", "家政服务价格希望透明"];
        for (var i = 0; i < ClosedSurveyResponses; i++)
        {
            var community = communities[random.Next(communities.Count)];
            var band = Pick(random, [(AgeBand.Under18, 3), (AgeBand.From18To39, 15), (AgeBand.From40To59, 25), (AgeBand.From60To79, 42), (AgeBand.From80, 15)]);
            var old = band is AgeBand.From60To79 or AgeBand.From80;
            var response = new SurveyResponse
            {
                SurveyId = closed.Id, CommunityId = community.Id, AgeBand = band,
                Channel = Pick(random, [(ResponseChannel.Online, 60), (ResponseChannel.Paper, 30), (ResponseChannel.Interview, 10)]),
                SubmittedAt = now.AddDays(-110 + random.Next(45)),
            };
            response.UpdatedAt = response.SubmittedAt;
            response.EnteredById = response.Channel == ResponseChannel.Online ? null : staffId;
            var live = old ? Pick(random, [(0, 30), (1, 45), (2, 20), (3, 5)]) : Pick(random, [(0, 10), (1, 30), (2, 55), (3, 5)]);
            response.Answers.Add(new SurveyAnswer { QuestionId = household.Id, OptionId = household.Options[live].Id });
            int[] weights = old ? [55, 30, 45, 5, 15, 5] : [15, 10, 20, 45, 30, 25];
            for (var o = 0; o < needs.Options.Count; o++)
            {
                if (random.Next(100) < weights[o])
                {
                    response.Answers.Add(new SurveyAnswer { QuestionId = needs.Id, OptionId = needs.Options[o].Id });
                }
            }
            if (random.Next(100) < 4)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = needs.Id, Text = "法律咨询" });
            }
            if (!response.Answers.Any(a => a.QuestionId == needs.Id))
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = needs.Id, OptionId = needs.Options[2].Id });
            }
            response.Answers.Add(new SurveyAnswer { QuestionId = satisfaction.Id, Number = Pick(random, [(2m, 8), (3m, 30), (4m, 42), (5m, 20)]) });
            var wantsMeals = random.Next(100) < (old ? 68 : 22);
            response.Answers.Add(new SurveyAnswer { QuestionId = meals.Id, OptionId = meals.Options[wantsMeals ? 0 : 1].Id });
            if (wantsMeals)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = mealWay.Id, OptionId = mealWay.Options[Pick(random, [(0, 35), (1, 45), (2, 20)])].Id });
            }
            if (random.Next(100) < 70)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = pay.Id, Number = random.Next(0, 31) * 10 });
            }
            if (random.Next(100) < 25)
            {
                response.Answers.Add(new SurveyAnswer { QuestionId = advice.Id, Text = advices[random.Next(advices.Length)] });
            }
            db.SurveyResponses.Add(response);
        }
        DemoSeeder.Ensure(closed.Close());

        var interview = new FieldNote
        {
            SurveyId = closed.Id, Kind = FieldNoteKind.Interview, CommunityId = communities[0].Id, Who = "独居老人刘奶奶（82 岁）", Where = "刘奶奶家中",
            When = now.AddDays(-100), Content = "刘奶奶腿脚不便，买菜做饭困难，常常一天只吃一顿热饭。希望有人能送饭上门，每顿愿意付 10 元左右。",
            RecordedById = staffId, CreatedAt = now.AddDays(-100),
        };
        var observation = new FieldNote
        {
            SurveyId = closed.Id, Kind = FieldNoteKind.Observation, CommunityId = communities[2].Id, Who = "社工李社工", Where = "青石社区活动中心",
            When = now.AddDays(-95), Content = "暑假工作日上午，活动中心有 20 多名小学生无人看护，在走廊里玩耍。",
            RecordedById = staffId, CreatedAt = now.AddDays(-95),
        };
        db.FieldNotes.AddRange(interview, observation);
        await db.SaveChangesAsync(ct);

        var elderly = types.First(t => t.Name == "社区养老");
        var youth = types.First(t => t.Name == "青少年");
        var employment = types.First(t => t.Name == "就业");
        db.Needs.AddRange(
            Need(closed.Id, communities[0].Id, "独居和高龄老人需要送餐上门", elderly, NeedPriority.High, 210, staffId, now, [TargetGroup.Elderly],
                new NeedEvidence { QuestionId = mealWay.Id, Figure = "需要助餐的老人中约 45% 希望送餐上门" }, new NeedEvidence { FieldNoteId = interview.Id }),
            Need(closed.Id, communities[2].Id, "双职工家庭的孩子暑期无人看护", youth, NeedPriority.Medium, 60, staffId, now, [TargetGroup.Children],
                new NeedEvidence { QuestionId = needs.Id, Figure = "18–59 岁居民中约 45% 选择“儿童托管”" }, new NeedEvidence { FieldNoteId = observation.Id }),
            Need(closed.Id, communities[1].Id, "待业居民需要职业指导和岗位信息", employment, NeedPriority.Low, 35, staffId, now, [TargetGroup.AllResidents, TargetGroup.LowIncome],
                new NeedEvidence { QuestionId = needs.Id, Figure = "约 1/4 的中青年居民选择“就业指导”" }));

        var open = new Survey
        {
            Title = "社区活动时间安排意见征集", Purpose = "请告诉我们您方便参加活动的时间，我们据此安排明年的活动。",
            StartDate = DateOnly.FromDateTime(now.AddDays(-5)), EndDate = DateOnly.FromDateTime(now.AddDays(40)),
            UsesQuestionnaire = true, AllowAnonymous = true, CreatedById = staffId, CreatedAt = now.AddDays(-6), Communities = [.. communities],
        };
        var joins = Choice(QuestionType.SingleChoice, "您是否参加过社区组织的活动？", true, "参加过", "没有参加过");
        var which = Choice(QuestionType.MultipleChoice, "您参加过哪些活动？", true, "健康讲座", "文体活动", "志愿服务", "兴趣班");
        which.AllowOther = true;
        which.ConditionQuestion = joins;
        which.ConditionOption = joins.Options[0];
        var when = Choice(QuestionType.SingleChoice, "您方便参加活动的时间是？", true, "工作日上午", "工作日下午", "工作日晚上", "周末");
        var rating = new SurveyQuestion { Type = QuestionType.Rating, Text = "您对社区活动的总体评价", Required = true };
        var words = new SurveyQuestion { Type = QuestionType.ShortText, Text = "您还希望社区开展什么活动？", Required = false };
        foreach (var q in new[] { joins, which, when, rating, words })
        {
            DemoSeeder.Ensure(open.AddQuestion(q));
        }
        DemoSeeder.Ensure(open.Open());
        db.Surveys.Add(open);
        await db.SaveChangesAsync(ct);
    }

    private static SurveyQuestion Choice(QuestionType type, string text, bool required, params string[] options) => new()
    {
        Type = type, Text = text, Required = required,
        Options = options.Select((o, i) => new QuestionOption { Text = o, Order = i + 1 }).ToList(),
    };

    private static NeedFinding Need(int surveyId, int communityId, string text, ServiceType type, NeedPriority priority, int residents, string staffId,
        DateTime now, TargetGroup[] groups, params NeedEvidence[] evidence) => new()
    {
        SurveyId = surveyId, CommunityId = communityId, Text = text, ServiceTypeId = type.Id, Category = type.Category, Priority = priority,
        ResidentsConcerned = residents, CreatedById = staffId, CreatedAt = now.AddDays(-55),
        TargetGroups = groups.Select(g => new NeedTargetGroup { Group = g }).ToList(), Evidence = [.. evidence],
    };

    private static T Pick<T>(Random random, (T Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }
        return choices[^1].Value;
    }
}
