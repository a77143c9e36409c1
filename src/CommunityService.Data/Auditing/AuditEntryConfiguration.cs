using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.ActorName).HasMaxLength(AuditEntry.RecordMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.RecordType).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.RecordId).HasMaxLength(AuditEntry.RecordMaxLength);
        builder.Property(a => a.Result).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.RecordType, a.RecordId, a.At });
    }
}
