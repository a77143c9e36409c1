using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Execution;

internal sealed class ProjectTaskConfiguration : IEntityTypeConfiguration<ProjectTask>
{
    public void Configure(EntityTypeBuilder<ProjectTask> builder)
    {
        builder.ToTable("ProjectTasks");
        builder.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Title).HasMaxLength(ProjectTask.TitleMaxLength).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(ProjectTask.NoteMaxLength);
        builder.Property(t => t.ResponsibleId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.CreatedById).HasMaxLength(450);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(t => new { t.ResponsibleId, t.Status, t.DueOn });
        builder.HasIndex(t => new { t.ProjectId, t.DueOn });
    }
}
