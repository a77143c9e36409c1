using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Surveys;

public sealed record SurveyRow(int Id, string Title, SurveyStatus Status, DateOnly StartDate, DateOnly EndDate, int VersionNumber, int Responses, int Notes, string? Project);

public sealed record SurveyList(SurveyStatus? Status, SurveyKind Kind, Page<SurveyRow> Rows);

public sealed record NoteRow(int Id, FieldNoteKind Kind, string? Community, string Who, string Where, DateTime When, string Content);

public sealed record SurveyPage(Survey Survey, int Responses, IReadOnlyList<NoteRow> Notes, IReadOnlyList<SelectListItem> Communities)
{
    public QuestionForm? Question { get; init; }
    public FieldNoteForm? Note { get; init; }
}
