using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CommunityService.Web.Features.Representatives;

public sealed record ResidentRow(string Id, string UserName, string DisplayName, string? Community, bool IsRepresentative);

public sealed record ResidentList(int? Community, bool Only, IReadOnlyList<SelectListItem> Communities, Page<ResidentRow> Rows);
