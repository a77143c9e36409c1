using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Needs;

internal sealed class NeedFindingConfiguration : IEntityTypeConfiguration<NeedFinding>
{
    public void Configure(EntityTypeBuilder<NeedFinding> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(NeedFinding.TextMaxLength).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.CreatedById).HasMaxLength(450);
        builder.HasOne(n => n.Community).WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.SetAsideReason).HasMaxLength(NeedFinding.ReasonMaxLength);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(n => n.ServiceType).WithMany().HasForeignKey(n => n.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Surveys.Survey>().WithMany().HasForeignKey(n => n.SurveyId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(n => n.TargetGroups).WithOne().HasForeignKey(g => g.NeedId);
        builder.HasMany(n => n.Evidence).WithOne().HasForeignKey(e => e.NeedId);
        builder.HasIndex(n => new { n.Status, n.Priority });
    }
}
