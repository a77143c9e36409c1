using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Execution;

internal sealed class ServiceFeedbackConfiguration : IEntityTypeConfiguration<ServiceFeedback>
{
    public void Configure(EntityTypeBuilder<ServiceFeedback> builder)
    {
        builder.HasOne<ServiceRecord>().WithMany().HasForeignKey(f => f.ServiceRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.ResidentId).HasMaxLength(450).IsRequired();
        builder.Property(f => f.Comment).HasMaxLength(ServiceFeedback.CommentMaxLength);
        builder.HasIndex(f => new { f.ServiceRecordId, f.ResidentId }).IsUnique();
        builder.HasIndex(f => new { f.ProjectId, f.CreatedAt });
        builder.HasIndex(f => f.SessionId);
    }
}
