using CommunityService.Data.Surveys;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Surveys;

public sealed record RespondPage(Survey Survey, bool StaffEntry, IReadOnlyList<SelectListItem> Communities)
{
    public IReadOnlyDictionary<int, AnswerInput> Values { get; init; } = new Dictionary<int, AnswerInput>();
    public IReadOnlyDictionary<int, string> Errors { get; init; } = new Dictionary<int, string>();
    public int? CommunityId { get; init; }
    public AgeBand? AgeBand { get; init; }
    public ResponseChannel Channel { get; init; } = ResponseChannel.Online;
    public string RespondentName { get; init; } = "";
    public bool Updating { get; init; }

    public AnswerInput ValueOf(int questionId) => Values.GetValueOrDefault(questionId) ?? AnswerInput.Empty;
}
