using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Execution;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Text).HasMaxLength(ProgressReport.TextMaxLength).IsRequired();
        builder.Property(r => r.CreatedById).HasMaxLength(450);
        builder.HasIndex(r => new { r.ProjectId, r.CreatedAt });
    }
}
