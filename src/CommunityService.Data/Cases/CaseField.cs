namespace CommunityService.Data.Cases;

/// <summary>The parts of a case file an edit can change; the audit trail names them, never their content.</summary>
public enum CaseField
{
    Reference,
    Subject,
    IsFamily,
    Assessment,
    Goals,
    Plan,
    Status,
}
