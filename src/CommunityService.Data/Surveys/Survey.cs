using CommunityService.Data.Communities;
using CommunityService.Data.Projects;

namespace CommunityService.Data.Surveys;

public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>A survey of a community's needs, or a project's satisfaction questionnaire (满意度调查) for its participants.</summary>
public enum SurveyKind
{
    Community,
    Satisfaction,
}

/// <summary>
/// 社区调查: a survey of one or more communities by questionnaire, interview and/or observation.
/// Its questions are fixed in shape once answers exist: adding is fine, but removing a question or
/// changing its type needs a new version of the survey.
/// </summary>
public class Survey : IVersioned
{
    public const int TitleMaxLength = 100;
    public const int PurposeMaxLength = 2000;

    public const string NeedsQuestion = "A questionnaire needs at least one question before it opens.";
    public const string NeedsMethod = "Choose at least one survey method.";
    public const string NeedsCommunity = "Choose at least one community.";
    public const string OnlyDraftOpens = "Only a draft survey can be opened.";
    public const string OnlyOpenCloses = "Only an open survey can be closed.";
    public const string HasResponses = "The survey has answers: removing a question or changing its type needs a new version of the survey.";
    public const string ConditionMustComeEarlier = "A condition can only refer to an earlier single- or multiple-choice question.";
    public const string ClosedSurvey = "The survey is closed and cannot be changed.";
    public const string SatisfactionNeedsRunningProject = "A satisfaction questionnaire is for a project in execution, in evaluation or closed.";
    public const string SatisfactionInProgress = "The project already has a satisfaction questionnaire in draft or open: close it before starting another.";
    public const string SatisfactionNeedsProject = "A satisfaction questionnaire belongs to a project.";
    public const string SatisfactionOwnCommunity = "A satisfaction questionnaire goes to the project's own community only.";
    public const string SatisfactionNotAnonymous = "A satisfaction questionnaire is answered by the project's participants, signed in: it cannot be anonymous.";
    public const string SatisfactionQuestionnaireOnly = "A satisfaction questionnaire is a questionnaire: interviews and observations belong to a community survey.";
    public const string SignInToAnswer = "Please sign in to answer this questionnaire.";
    public const string OnlyParticipantsAnswer = "This questionnaire is for the residents who took part in the project.";
    public const string OverallStaysFirst = "The overall satisfaction question stays first and stays a rating: a report judges the satisfaction objective by it. Its wording may change.";

    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public bool UsesQuestionnaire { get; set; } = true;
    public bool UsesInterview { get; set; }
    public bool UsesObservation { get; set; }
    public bool AllowAnonymous { get; set; }
    public SurveyStatus Status { get; private set; } = SurveyStatus.Draft;
    public int? PreviousVersionId { get; set; }
    public int VersionNumber { get; set; } = 1;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public SurveyKind Kind { get; private set; } = SurveyKind.Community;

    /// <summary>The project a satisfaction questionnaire asks about; null for a community survey.</summary>
    public int? ProjectId { get; private set; }
    public ServiceProject? Project { get; private set; }

    public List<Community> Communities { get; set; } = [];
    public List<SurveyQuestion> Questions { get; set; } = [];

    public bool IsAcceptingAnswers => Status == SurveyStatus.Open;

    public bool IsSatisfaction => Kind == SurveyKind.Satisfaction;

    /// <summary>
    /// A satisfaction questionnaire's overall question: the ready-made one it starts with, which a report's satisfaction objective is
    /// judged by (the first rating question). It keeps its place and its type; null for a community survey.
    /// </summary>
    public SurveyQuestion? OverallQuestion => IsSatisfaction ? Ordered.FirstOrDefault() : null;

    /// <summary>
    /// Whether a project may start a satisfaction questionnaire: once its service is running (Execution), while it is evaluated,
    /// and after closing (for a follow-up); one at a time, so a draft or open one is closed before the next round starts.
    /// </summary>
    public static GateCheck CanStartSatisfaction(ProjectStage stage, bool anotherInProgress)
    {
        var missing = new List<string>();
        if (stage is not (ProjectStage.Execution or ProjectStage.Evaluation or ProjectStage.Closed))
        {
            missing.Add(SatisfactionNeedsRunningProject);
        }
        if (anotherInProgress)
        {
            missing.Add(SatisfactionInProgress);
        }
        return new GateCheck(missing);
    }

    /// <summary>
    /// A draft satisfaction questionnaire of <paramref name="project"/> for its own community, from the ready-made questions;
    /// answered online by signed-in participants only (or typed in by staff from paper).
    /// </summary>
    public static GateCheck StartSatisfaction(
        ServiceProject project, Community community, bool anotherInProgress, string title, IEnumerable<SurveyQuestion> questions,
        DateOnly today, string staffId, DateTime now, out Survey? survey)
    {
        survey = null;
        var check = CanStartSatisfaction(project.Stage, anotherInProgress);
        if (!check.IsPassed)
        {
            return check;
        }
        if (community.Id != project.CommunityId)
        {
            return GateCheck.Fail(SatisfactionOwnCommunity);
        }
        var started = new Survey
        {
            Kind = SurveyKind.Satisfaction, ProjectId = project.Id, Title = title,
            StartDate = today, EndDate = today.AddDays(30), UsesQuestionnaire = true, CreatedById = staffId, CreatedAt = now,
            Communities = [community],
        };
        foreach (var question in questions)
        {
            var added = started.AddQuestion(question);
            if (!added.IsPassed)
            {
                return added;
            }
        }
        survey = started;
        return GateCheck.Passed;
    }

    /// <summary>What a satisfaction questionnaire must keep: its project, the project's community alone, no anonymous answers, questions only.</summary>
    public GateCheck CheckSatisfactionSetup()
    {
        if (!IsSatisfaction)
        {
            return GateCheck.Passed;
        }
        var missing = new List<string>();
        if (ProjectId is null && Project is null)
        {
            missing.Add(SatisfactionNeedsProject);
        }
        if (Communities.Count != 1 || (Project is not null && Communities[0].Id != Project.CommunityId))
        {
            missing.Add(SatisfactionOwnCommunity);
        }
        if (AllowAnonymous)
        {
            missing.Add(SatisfactionNotAnonymous);
        }
        if (!UsesQuestionnaire || UsesInterview || UsesObservation)
        {
            missing.Add(SatisfactionQuestionnaireOnly);
        }
        return new GateCheck(missing);
    }

    /// <summary>
    /// Who may answer online: a community survey anyone signed in (or anyone, where it allows anonymous answers); a satisfaction
    /// questionnaire only a signed-in resident who took part in the project.
    /// </summary>
    public GateCheck MayAnswerOnline(bool signedIn, bool tookPart)
    {
        if (!signedIn && (IsSatisfaction || !AllowAnonymous))
        {
            return GateCheck.Fail(SignInToAnswer);
        }
        return IsSatisfaction && !tookPart ? GateCheck.Fail(OnlyParticipantsAnswer) : GateCheck.Passed;
    }

    public GateCheck Open()
    {
        var missing = new List<string>(CheckSatisfactionSetup().Missing);
        if (Status != SurveyStatus.Draft)
        {
            missing.Add(OnlyDraftOpens);
        }
        if (!UsesQuestionnaire && !UsesInterview && !UsesObservation)
        {
            missing.Add(NeedsMethod);
        }
        if (Communities.Count == 0)
        {
            missing.Add(NeedsCommunity);
        }
        if (UsesQuestionnaire && Questions.Count == 0)
        {
            missing.Add(NeedsQuestion);
        }
        if (missing.Count == 0)
        {
            Status = SurveyStatus.Open;
        }
        return new GateCheck(missing);
    }

    public GateCheck Close()
    {
        if (Status != SurveyStatus.Open)
        {
            return GateCheck.Fail(OnlyOpenCloses);
        }
        Status = SurveyStatus.Closed;
        return GateCheck.Passed;
    }

    /// <summary>Adds a question at the end; allowed until the survey closes, answers or not.</summary>
    public GateCheck AddQuestion(SurveyQuestion question)
    {
        if (Status == SurveyStatus.Closed)
        {
            return GateCheck.Fail(ClosedSurvey);
        }
        var condition = CheckCondition(question, Questions.Count);
        if (!condition.IsPassed)
        {
            return condition;
        }
        question.Order = Questions.Count == 0 ? 1 : Questions.Max(q => q.Order) + 1;
        Questions.Add(question);
        return GateCheck.Passed;
    }

    /// <summary>Changes a question; its type may change only while nobody has answered.</summary>
    public GateCheck ChangeQuestion(SurveyQuestion question, QuestionType newType, bool hasResponses)
    {
        if (Status == SurveyStatus.Closed)
        {
            return GateCheck.Fail(ClosedSurvey);
        }
        if (hasResponses && newType != question.Type)
        {
            return GateCheck.Fail(HasResponses);
        }
        if (question == OverallQuestion && newType != question.Type && newType != QuestionType.Rating)
        {
            return GateCheck.Fail(OverallStaysFirst);
        }
        question.Type = newType;
        return CheckCondition(question, Ordered.IndexOf(question));
    }

    public GateCheck RemoveQuestion(SurveyQuestion question, bool hasResponses)
    {
        if (Status == SurveyStatus.Closed)
        {
            return GateCheck.Fail(ClosedSurvey);
        }
        if (hasResponses)
        {
            return GateCheck.Fail(HasResponses);
        }
        if (question == OverallQuestion)
        {
            return GateCheck.Fail(OverallStaysFirst);
        }
        Questions.Remove(question);
        foreach (var dependent in Questions.Where(q => q.ConditionQuestionId == question.Id && question.Id != 0))
        {
            dependent.ConditionQuestionId = null;
            dependent.ConditionOptionId = null;
        }
        Renumber();
        return GateCheck.Passed;
    }

    /// <summary>
    /// Moves a question up or down one place; a move that breaks a condition's order is refused, and so is one that takes a
    /// satisfaction questionnaire's overall question from the top.
    /// </summary>
    public GateCheck MoveQuestion(SurveyQuestion question, int offset)
    {
        var ordered = Ordered;
        var from = ordered.IndexOf(question);
        var to = from + offset;
        if (from < 0 || to < 0 || to >= ordered.Count || to == from)
        {
            return GateCheck.Passed;
        }
        if (IsSatisfaction && (from == 0 || to == 0))
        {
            return GateCheck.Fail(OverallStaysFirst);
        }
        ordered.RemoveAt(from);
        ordered.Insert(to, question);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!CheckCondition(ordered[i], i, ordered).IsPassed)
            {
                return GateCheck.Fail(ConditionMustComeEarlier);
            }
        }
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
        }
        return GateCheck.Passed;
    }

    /// <summary>A copy of the survey as a new draft version, for changes that would break existing answers.</summary>
    public Survey NewVersion(string userId, DateTime now)
    {
        var copy = new Survey
        {
            Title = Title, Purpose = Purpose, StartDate = StartDate, EndDate = EndDate, UsesQuestionnaire = UsesQuestionnaire,
            UsesInterview = UsesInterview, UsesObservation = UsesObservation, AllowAnonymous = AllowAnonymous,
            PreviousVersionId = Id, VersionNumber = VersionNumber + 1, CreatedById = userId, CreatedAt = now,
            Communities = [.. Communities], Kind = Kind, ProjectId = ProjectId,
        };
        var map = new Dictionary<SurveyQuestion, SurveyQuestion>();
        var optionMap = new Dictionary<QuestionOption, QuestionOption>();
        foreach (var q in Ordered)
        {
            var clone = new SurveyQuestion
            {
                Order = q.Order, Type = q.Type, Text = q.Text, Required = q.Required, AllowOther = q.AllowOther,
                Options = q.Options.OrderBy(o => o.Order).Select(o => new QuestionOption { Order = o.Order, Text = o.Text }).ToList(),
            };
            foreach (var (o, c) in q.Options.OrderBy(o => o.Order).Zip(clone.Options))
            {
                optionMap[o] = c;
            }
            map[q] = clone;
            copy.Questions.Add(clone);
        }
        foreach (var q in Ordered.Where(q => q.ConditionQuestionId is not null))
        {
            var source = Questions.FirstOrDefault(x => x.Id == q.ConditionQuestionId);
            var option = source?.Options.FirstOrDefault(o => o.Id == q.ConditionOptionId);
            if (source is not null && option is not null)
            {
                map[q].ConditionQuestion = map[source];
                map[q].ConditionOption = optionMap[option];
            }
        }
        return copy;
    }

    public List<SurveyQuestion> Ordered => [.. Questions.OrderBy(q => q.Order).ThenBy(q => q.Id)];

    private GateCheck CheckCondition(SurveyQuestion question, int position, List<SurveyQuestion>? ordered = null)
    {
        if (question.ConditionQuestionId is null && question.ConditionQuestion is null)
        {
            return GateCheck.Passed;
        }
        ordered ??= Ordered;
        var earlier = ordered.Take(Math.Max(0, position)).ToList();
        var source = earlier.FirstOrDefault(q => q == question.ConditionQuestion || (q.Id != 0 && q.Id == question.ConditionQuestionId));
        return source is { Type: QuestionType.SingleChoice or QuestionType.MultipleChoice }
            ? GateCheck.Passed
            : GateCheck.Fail(ConditionMustComeEarlier);
    }

    private void Renumber()
    {
        var i = 1;
        foreach (var q in Ordered)
        {
            q.Order = i++;
        }
    }
}
