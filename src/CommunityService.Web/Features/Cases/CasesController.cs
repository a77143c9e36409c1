using System.Globalization;
using System.Text;
using CommunityService.Data;
using CommunityService.Data.Cases;
using CommunityService.Data.Identity;
using CommunityService.Web.Shared.Audit;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityService.Web.Features.Cases;

/// <summary>
/// Case files (个案工作), confidential. A route with a case id answers 404 to anyone who may not open that file — other
/// staff, residents, volunteers, administrators — exactly as for an id that does not exist, and the attempt goes into the
/// audit trail as Denied. Whoever may open the file and may not do the step asked (a worker assigning workers) gets 403:
/// they already know the file. Every read of the text (page, edit form, export) and every change is audited.
/// </summary>
public sealed class CasesController(
    CommunityServiceDbContext db, CaseProtector protector, AuditTrail audit, TimeProvider clock, PortalTime time,
    IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private const int NotesPerPage = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/cases")]
    public async Task<IActionResult> Index(CaseStatus? status, int? project, int page = 1, CancellationToken ct = default)
    {
        var query = db.CaseFiles.AsNoTracking().OpenableBy(User);
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        if (project is { } p)
        {
            query = query.Where(c => c.ProjectId == p);
        }
        var rows = await query
            .OrderBy(c => c.Status == CaseStatus.Open ? 0 : 1).ThenByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .Select(c => new CaseRow(c.Id, c.Reference, c.ProjectId, c.Project!.Name, c.Status, c.OpenedAt, c.ClosedAt))
            .ToPageAsync(page, PagingExtensions.DefaultSize, ct);
        return View(new CaseList(status, project, rows));
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpGet("/projects/{projectId:int}/cases/create")]
    public async Task<IActionResult> Create([FromRoute] int projectId, CancellationToken ct)
    {
        var project = await ProjectAsync(projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (await RefuseNewFileAsync(project) is { } refused)
        {
            return refused;
        }
        await OfferWorkersAsync(project, ct);
        return View(new CaseForm { Reference = $"{time.Now:yyyy-MM}-" });
    }

    [Authorize(Policy = Policies.StaffOrManager)]
    [HttpPost("/projects/{projectId:int}/cases/create")]
    public async Task<IActionResult> Create([FromRoute] int projectId, CaseForm form, [FromServices] IValidator<CaseForm> validator, CancellationToken ct)
    {
        var project = await ProjectAsync(projectId, ct);
        if (project is null)
        {
            return NotFound();
        }
        if (await RefuseNewFileAsync(project) is { } refused)
        {
            return refused;
        }
        var manager = User.IsInRole(Roles.Manager);
        // Staff open files for themselves; only a manager names the worker, from the staff who work in the project's community.
        var workerId = manager ? form.WorkerId : User.UserId();
        if (await this.ValidateFormAsync(form, validator, ct) && manager
            && !await StaffDirectory.Workers(db, project.CommunityId).AnyAsync(u => u.Id == workerId, ct))
        {
            ModelState.AddModelError(nameof(form.WorkerId), l[WorkerForm.NotOffered]);
        }
        if (!ModelState.IsValid)
        {
            await OfferWorkersAsync(project, ct);
            return this.InvalidForm(form);
        }
        var now = Now;
        var file = new CaseFile
        {
            ProjectId = projectId, Reference = form.Reference.Trim(), IsFamily = form.IsFamily, Status = CaseStatus.Open, OpenedAt = now,
            Workers = [new CaseAssignment { UserId = workerId, AssignedAt = now }],
        };
        protector.Write(file, form.ToText(""));
        db.CaseFiles.Add(file);
        await db.SaveChangesAsync(ct);
        // The id exists only once the file is saved, so its entry follows in a second write.
        await audit.WriteAsync(User, AuditAction.CaseCreated, AuditRecordType.CaseFile, file.Id, AuditResult.Succeeded, "", ct);
        TempData["Message"] = l["The case file was opened."].Value;
        return RedirectToAction(nameof(Details), new { id = file.Id });
    }

    // Signed in is enough to reach the record-level check: the refusal must look the same to everyone, and be audited.
    [Authorize]
    [HttpGet("/cases/{id:int}")]
    public async Task<IActionResult> Details([FromRoute] int id, int page = 1, CancellationToken ct = default)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseOpened, ct))
        {
            return NotFound();
        }
        var view = await OpenPageAsync(id, page, "", ct);
        return view is null ? NotFound() : View(view);
    }

    [Authorize]
    [HttpGet("/cases/{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseOpened, ct))
        {
            return NotFound();
        }
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Project).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        var text = protector.Read(file);
        await audit.WriteAsync(User, AuditAction.CaseOpened, AuditRecordType.CaseFile, id, AuditResult.Succeeded, "edit", ct);
        ViewData["File"] = Facts(file);
        return View(new CaseForm
        {
            Reference = file.Reference, IsFamily = file.IsFamily, Subject = text.Subject, Assessment = text.Assessment, Goals = text.Goals,
            Plan = text.Plan, Status = file.Status, Version = file.Version,
        });
    }

    [Authorize]
    [HttpPost("/cases/{id:int}/edit")]
    public async Task<IActionResult> Edit([FromRoute] int id, CaseForm form, [FromServices] IValidator<CaseForm> validator, CancellationToken ct)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseChanged, ct))
        {
            return NotFound();
        }
        var file = await db.CaseFiles.Include(c => c.Project).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        ViewData["File"] = Facts(file);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return this.InvalidForm(form);
        }
        if (file.Version != form.Version)
        {
            return Clash(form);
        }
        var statusCheck = CaseRules.CheckStatusChange(file.Status, form.Status);
        if (!statusCheck.IsPassed)
        {
            ModelState.AddModelError(nameof(form.Status), l[statusCheck.Missing[0]]);
            return this.InvalidForm(form);
        }
        var before = protector.Read(file);
        var after = form.ToText(before.ClosingSummary);
        var changed = CaseRules.Changes(new CaseSnapshot(file.Reference, before, file.IsFamily, file.Status),
            new CaseSnapshot(form.Reference, after, form.IsFamily, form.Status));
        if (changed.Count == 0)
        {
            TempData["Message"] = l["Nothing was changed."].Value;
            return RedirectToAction(nameof(Details), new { id });
        }
        // Only the fields that changed are encrypted again, so the others keep their ciphertext.
        file.Reference = form.Reference.Trim();
        file.IsFamily = form.IsFamily;
        if (changed.Contains(CaseField.Subject))
        {
            file.ProtectedSubject = protector.Protect(after.Subject);
        }
        if (changed.Contains(CaseField.Assessment))
        {
            file.ProtectedAssessment = protector.Protect(after.Assessment);
        }
        if (changed.Contains(CaseField.Goals))
        {
            file.ProtectedGoals = protector.Protect(after.Goals);
        }
        if (changed.Contains(CaseField.Plan))
        {
            file.ProtectedPlan = protector.Protect(after.Plan);
        }
        if (changed.Contains(CaseField.Status))
        {
            CaseRules.Reopen(file);
        }
        db.ExpectVersion(file, form.Version);
        audit.Add(User, AuditAction.CaseChanged, AuditRecordType.CaseFile, id, AuditResult.Succeeded, string.Join(",", changed));
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return Clash(form);
        }
        TempData["Message"] = l["The case file was saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize]
    [HttpPost("/cases/{id:int}/notes")]
    public async Task<IActionResult> AddNote([FromRoute] int id, NoteForm form, [FromServices] IValidator<NoteForm> validator, CancellationToken ct)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseNoteAdded, ct))
        {
            return NotFound();
        }
        var status = await db.CaseFiles.Where(c => c.Id == id).Select(c => (CaseStatus?)c.Status).FirstOrDefaultAsync(ct);
        if (status is null)
        {
            return NotFound();
        }
        if (await this.ValidateFormAsync(form, validator, ct) && CaseRules.CheckNote(status.Value) is { IsPassed: false } check)
        {
            ModelState.AddModelError("", l[check.Missing[0]]);
        }
        if (!ModelState.IsValid)
        {
            return await DetailsWithErrorsAsync(id, new PageInput(form, null, null), StatusCodes.Status400BadRequest, ct);
        }
        var note = new CaseNote
        {
            CaseFileId = id, AuthorId = User.UserId(), At = form.At is { } at ? time.ToUtc(at) : Now, ProtectedText = protector.Protect(form.Text.Trim()),
        };
        db.CaseNotes.Add(note);
        audit.Add(User, AuditAction.CaseNoteAdded, AuditRecordType.CaseFile, id);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = l["The contact note was added."].Value;
        return RedirectToAction(nameof(Details), null, new { id }, "notes");
    }

    [Authorize]
    [HttpPost("/cases/{id:int}/workers")]
    public async Task<IActionResult> Workers([FromRoute] int id, WorkerForm form, [FromServices] IValidator<WorkerForm> validator, CancellationToken ct)
    {
        var action = form.Remove ? AuditAction.CaseWorkerRemoved : AuditAction.CaseWorkerAssigned;
        if (!await MayOpenAsync(id, action, ct))
        {
            return NotFound();
        }
        if (!User.IsInRole(Roles.Manager))
        {
            await audit.WriteAsync(User, action, AuditRecordType.CaseFile, id, AuditResult.Denied, "", ct);
            return Forbid();
        }
        var file = await db.CaseFiles.Include(c => c.Workers).Include(c => c.Project).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        var worker = await validator.ValidateAsync(form, ct) is { IsValid: true }
            ? await (form.Remove
                ? db.Users.AsNoTracking().Where(u => u.Id == form.UserId)
                : StaffDirectory.Workers(db, file.Project!.CommunityId).Where(u => u.Id == form.UserId))
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct)
            : null;
        if (worker is null)
        {
            ModelState.AddModelError(nameof(form.UserId), l[WorkerForm.NotOffered]);
            return await DetailsWithErrorsAsync(id, new PageInput(null, null, form), StatusCodes.Status400BadRequest, ct);
        }
        var assigned = file.Workers.Select(w => w.UserId).ToList();
        var check = form.Remove ? CaseRules.CheckRemove(assigned, worker.Id) : CaseRules.CheckAssign(assigned, worker.Id);
        if (!check.IsPassed)
        {
            ModelState.AddModelError(nameof(form.UserId), l[check.Missing[0]]);
            return await DetailsWithErrorsAsync(id, new PageInput(null, null, form), StatusCodes.Status400BadRequest, ct);
        }
        if (form.Remove)
        {
            file.Workers.RemoveAll(w => w.UserId == worker.Id);
        }
        else
        {
            file.Workers.Add(new CaseAssignment { CaseFileId = id, UserId = worker.Id, AssignedAt = Now });
        }
        audit.Add(User, action, AuditRecordType.CaseFile, id, AuditResult.Succeeded, worker.DisplayName);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = (form.Remove ? l["{0} is no longer assigned to the case file.", worker.DisplayName] : l["{0} was assigned to the case file.", worker.DisplayName]).Value;
        return RedirectToAction(nameof(Details), null, new { id }, "workers");
    }

    [Authorize]
    [HttpPost("/cases/{id:int}/close")]
    public async Task<IActionResult> Close([FromRoute] int id, CloseForm form, [FromServices] IValidator<CloseForm> validator, CancellationToken ct)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseClosed, ct))
        {
            return NotFound();
        }
        var file = await db.CaseFiles.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        var input = new PageInput(null, form, null);
        if (!await this.ValidateFormAsync(form, validator, ct))
        {
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        if (file.Version != form.Version)
        {
            ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status409Conflict, ct);
        }
        var check = CaseRules.Close(file, Now);
        if (!check.IsPassed)
        {
            ModelState.AddModelError("", l[check.Missing[0]]);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status400BadRequest, ct);
        }
        file.ProtectedClosingSummary = protector.Protect(form.ClosingSummary.Trim());
        db.ExpectVersion(file, form.Version);
        audit.Add(User, AuditAction.CaseClosed, AuditRecordType.CaseFile, id);
        if (!await db.TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l[FormExtensions.ConflictMessage]);
            return await DetailsWithErrorsAsync(id, input, StatusCodes.Status409Conflict, ct);
        }
        TempData["Message"] = l["The case file was closed."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The whole file as a UTF-8 text download, for printing or handing over; marked confidential at the top.</summary>
    [Authorize]
    [HttpGet("/cases/{id:int}/export")]
    public async Task<IActionResult> Export([FromRoute] int id, CancellationToken ct)
    {
        if (!await MayOpenAsync(id, AuditAction.CaseExported, ct))
        {
            return NotFound();
        }
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Project).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return NotFound();
        }
        var workers = await WorkersAsync(id, ct);
        var notes = await NotesQuery(id, newestFirst: false).ToListAsync(ct);
        var text = protector.Read(file);
        await audit.WriteAsync(User, AuditAction.CaseExported, AuditRecordType.CaseFile, id, AuditResult.Succeeded, "text", ct);

        var o = new StringBuilder();
        o.AppendLine(l["CONFIDENTIAL — case file. Do not copy or pass on."]).AppendLine();
        void Line(string label, string value) => o.Append(label).Append(": ").AppendLine(value);
        void Block(string label, string value)
        {
            o.AppendLine().AppendLine(label).AppendLine(new string('-', 20)).AppendLine(value.Length == 0 ? "—" : value);
        }
        Line(l["Reference"], file.Reference);
        Line(l["Project"], file.Project!.Name);
        Line(l["Person or family"], $"{text.Subject} ({(file.IsFamily ? l["Family"] : l["Person"])})");
        Line(l["Status"], l[$"CaseStatus.{file.Status}"]);
        Line(l["Opened"], time.Local(file.OpenedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        if (file.ClosedAt is { } closed)
        {
            Line(l["Closed"], time.Local(closed).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        Line(l["Assigned workers"], string.Join(", ", workers.Select(w => w.Name)));
        Line(l["Exported"], $"{time.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {User.DisplayName()}");
        Block(l["Assessment"], text.Assessment);
        Block(l["Goals"], text.Goals);
        Block(l["Case plan"], text.Plan);
        Block(l["Closing summary"], text.ClosingSummary);
        o.AppendLine().AppendLine(l["Contact notes"]).AppendLine(new string('-', 20));
        foreach (var n in notes)
        {
            o.Append(time.Local(n.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(' ').AppendLine(n.Author)
                .AppendLine(protector.TryReadNote(n.Id, n.ProtectedText, out var noteText) ? noteText : l[FieldProtector.UnreadableText]).AppendLine();
        }
        return File(Encoding.UTF8.GetBytes(o.ToString()), "text/plain; charset=utf-8", $"case-{id}.txt");
    }

    /// <summary>
    /// The record-level check. A refusal is written to the audit trail whether or not the file exists: the same
    /// commands run either way, so neither the answer nor its timing says which ids exist.
    /// </summary>
    private async Task<bool> MayOpenAsync(int id, AuditAction attempted, CancellationToken ct)
    {
        if (await authorization.MayOpenCaseAsync(User, id))
        {
            return true;
        }
        await audit.WriteAsync(User, attempted, AuditRecordType.CaseFile, id, AuditResult.Denied, "", ct);
        return false;
    }

    private sealed record PageInput(NoteForm? Note, CloseForm? Close, WorkerForm? Worker);

    private async Task<IActionResult> DetailsWithErrorsAsync(int id, PageInput input, int status, CancellationToken ct)
    {
        var page = await OpenPageAsync(id, 1, "form", ct);
        return page is null ? NotFound() : this.InvalidForm(page with { Note = input.Note, Close = input.Close, Worker = input.Worker }, "Details", status);
    }

    /// <summary>Loads and decrypts the page, and records the read before anything is shown.</summary>
    private async Task<CasePage?> OpenPageAsync(int id, int page, string detail, CancellationToken ct)
    {
        var file = await db.CaseFiles.AsNoTracking().Include(c => c.Project).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (file is null)
        {
            return null;
        }
        var workers = await WorkersAsync(id, ct);
        var notes = await NotesQuery(id, newestFirst: true).ToPageAsync(page, NotesPerPage, ct);
        var manager = User.IsInRole(Roles.Manager);
        var choices = manager && file.Status == CaseStatus.Open
            ? await StaffDirectory.WorkerChoicesAsync(db, file.Project!.CommunityId, ct)
            : [];
        var text = protector.Read(file);
        var shown = new Page<CaseNoteView>(
            notes.Items.Select(n => new CaseNoteView(n.Id, n.At, n.Author, protector.TryReadNote(n.Id, n.ProtectedText, out var text) ? text : null)).ToList(),
            notes.Number, notes.Size, notes.TotalCount);
        await audit.WriteAsync(User, AuditAction.CaseOpened, AuditRecordType.CaseFile, id, AuditResult.Succeeded, detail, ct);
        return new CasePage(Facts(file), text, workers, shown,
            choices.Where(c => workers.All(w => w.UserId != c.Value)).ToList(), manager);
    }

    private static CaseFacts Facts(CaseFile file) =>
        new(file.Id, file.Reference, file.ProjectId, file.Project!.Name, file.IsFamily, file.Status, file.OpenedAt, file.ClosedAt, file.Version);

    private Task<List<CaseWorker>> WorkersAsync(int id, CancellationToken ct) =>
        db.CaseAssignments.AsNoTracking().Where(a => a.CaseFileId == id).OrderBy(a => a.AssignedAt)
            .Select(a => new CaseWorker(a.UserId, db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", a.AssignedAt))
            .ToListAsync(ct);

    private IQueryable<StoredNote> NotesQuery(int id, bool newestFirst)
    {
        var notes = db.CaseNotes.AsNoTracking().Where(n => n.CaseFileId == id);
        return (newestFirst ? notes.OrderByDescending(n => n.At).ThenByDescending(n => n.Id) : notes.OrderBy(n => n.At).ThenBy(n => n.Id))
            .Select(n => new StoredNote(n.Id, n.At, db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault() ?? "", n.ProtectedText));
    }

    private Task<CaseProject?> ProjectAsync(int projectId, CancellationToken ct) =>
        db.Projects.AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new CaseProject(p.Id, p.Name, p.CommunityId, p.Stage)).FirstOrDefaultAsync(ct);

    private async Task<IActionResult?> RefuseNewFileAsync(CaseProject project)
    {
        if (!await authorization.WorksInAsync(User, project.CommunityId))
        {
            return Forbid();
        }
        var check = CaseRules.CheckNewFile(project.Stage);
        return check.IsPassed ? null : this.Refuse(l[check.Missing[0]], Url.Action("Details", "Projects", new { id = project.Id }));
    }

    private async Task OfferWorkersAsync(CaseProject project, CancellationToken ct)
    {
        ViewData["Project"] = project;
        ViewData["Workers"] = User.IsInRole(Roles.Manager) ? await StaffDirectory.WorkerChoicesAsync(db, project.CommunityId, ct) : new List<SelectListItem>();
    }

    private ViewResult Clash(CaseForm form)
    {
        return this.ConflictForm(form);
    }

    private sealed record StoredNote(int Id, DateTime At, string Author, string ProtectedText);
}
