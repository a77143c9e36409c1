using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Audit;

public sealed class AuditFilter
{
    public AuditRecordType? Type { get; set; }
    /// <summary>The action done; named "event" in the address because "action" is MVC's own route value.</summary>
    public AuditAction? Event { get; set; }
    public AuditResult? Result { get; set; }
    public string? Actor { get; set; }

    /// <summary>A record's id or an account's user name, e.g. one case file's whole history.</summary>
    public string? Record { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string RecordType, string RecordId, string Result, string Detail);

public sealed record AuditList(AuditFilter Filter, Page<AuditRow> Rows);
