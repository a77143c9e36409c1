using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Admin.Users;

public sealed record UserRow(string Id, string UserName, string DisplayName, string? Community, bool IsDisabled, List<string> Roles);

public sealed record UserList(string? Q, Page<UserRow> Rows);
