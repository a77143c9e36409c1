using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Projects;

internal sealed class ServiceProjectConfiguration : IEntityTypeConfiguration<ServiceProject>
{
    public void Configure(EntityTypeBuilder<ServiceProject> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ServiceProject.NameMaxLength).IsRequired();
        builder.Property(p => p.Summary).HasMaxLength(ServiceProject.SummaryMaxLength);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.CreatedById).HasMaxLength(450);
        builder.Property(p => p.ResourcesToUse).HasMaxLength(ServiceProject.ResourcesMaxLength);
        builder.Property(p => p.RoughBudget).HasPrecision(12, 2);
        builder.HasMany(p => p.Opinions).WithOne().HasForeignKey(o => o.ProjectId);
        builder.HasOne(p => p.ServiceType).WithMany().HasForeignKey(p => p.ServiceTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Community).WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.TargetGroups).WithOne().HasForeignKey(g => g.ProjectId);
        builder.HasMany(p => p.StageHistory).WithOne().HasForeignKey(s => s.ProjectId);
        builder.HasMany(p => p.Decisions).WithOne().HasForeignKey(d => d.ProjectId);
        builder.HasMany(p => p.Plans).WithOne(p => p.Project).HasForeignKey(p => p.ProjectId);
        builder.HasMany(p => p.Notices).WithOne(n => n.Project).HasForeignKey(n => n.ProjectId);
        builder.HasMany(p => p.Records).WithOne().HasForeignKey(r => r.ProjectId);
        builder.HasMany(p => p.Evaluations).WithOne(e => e.Project).HasForeignKey(e => e.ProjectId);
        builder.HasMany(p => p.Needs).WithMany(n => n.Projects).UsingEntity("ProjectNeeds");
        builder.HasIndex(p => new { p.Stage, p.UpdatedAt });
        builder.HasIndex(p => new { p.CommunityId, p.UpdatedAt });
        builder.HasIndex(p => p.UpdatedAt);
        builder.Navigation(p => p.StageHistory).UsePropertyAccessMode(PropertyAccessMode.Property);
    }
}
