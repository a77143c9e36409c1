using CommunityService.Data.Catalog;
using CommunityService.Web.Shared.Mvc;

namespace CommunityService.Web.Features.Records;

public sealed record RecordRow(int Id, string Recipient, DateTime DeliveredAt, DeliveryMode Mode, int Minutes, string Description, string Place, string DeliveredBy);

public sealed record RecordList(int ProjectId, string ProjectName, DeliveryMode? Mode, int? Session, Page<RecordRow> Rows);
