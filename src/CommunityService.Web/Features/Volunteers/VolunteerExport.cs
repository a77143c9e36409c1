namespace CommunityService.Web.Features.Volunteers;

/// <summary>Confirmed volunteer hours as a workbook, beside the hours page's queries: per volunteer and per project.</summary>
public static class VolunteerExport
{
    public static Dictionary<string, object> Sheets(IReadOnlyList<VolunteerHoursRow> volunteers, IReadOnlyList<ProjectHoursRow> projects, Func<string, string> Q)
    {
        return new Dictionary<string, object>
        {
            [Q("Volunteers")] = volunteers.Select(v => new Dictionary<string, object>
            {
                [Q("Volunteer")] = v.Name, [Q("Community")] = v.Community ?? "", [Q("Shifts")] = v.Shifts, [Q("Hours")] = ConfirmedHours.Hours(v.Minutes),
            }).ToList(),
            [Q("Projects")] = projects.Select(p => new Dictionary<string, object>
            {
                [Q("Project")] = p.Project, [Q("Community")] = p.Community, [Q("Shifts")] = p.Shifts, [Q("Hours")] = ConfirmedHours.Hours(p.Minutes),
            }).ToList(),
        };
    }
}
