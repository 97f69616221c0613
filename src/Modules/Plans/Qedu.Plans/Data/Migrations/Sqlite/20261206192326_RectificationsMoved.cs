using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RectificationsMoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The plans module's 整改 items move to the shared rectification module (migrated before this one), with their
            // history as steps: raised, reported fixed, verified (closed). Then the plans table goes.
            migrationBuilder.Sql(@"
INSERT INTO rectifications_items (org_unit_id, raised_by_unit_id, source_kind, source_id, source_item_id, source_title, source_url, finding, serious, due_on, recheck_on, fix_permission, verify_permission, fix_needs_evidence, state, raised_at, raised_by, fix_report, fixed_at, fixed_by, verified_at, verified_by, closed_at, closed_by, escalated_to_unit_id, escalated_at, returns)
SELECT r.unit_id, t.org_unit_id, 'plans.task', r.task_id, r.notice_id, SUBSTR(t.number || ' ' || t.title, 1, 300), '/plans/tasks/' || r.task_id, r.problem, 0, r.due_on, NULL,
       'plans.report', 'plans.manage', 0,
       CASE WHEN r.closed_at IS NOT NULL THEN 'Closed' WHEN r.fixed_at IS NOT NULL THEN 'Fixed' ELSE 'Open' END,
       r.raised_at, r.raised_by, r.fix_report, r.fixed_at, NULL, r.closed_at, r.closed_by, r.closed_at, r.closed_by, NULL, NULL, 0
FROM plans_rectifications r JOIN plans_tasks t ON t.id = r.task_id
ORDER BY r.id;
INSERT INTO rectifications_steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Raised', NULL, NULL, raised_at, raised_by FROM rectifications_items WHERE source_kind = 'plans.task';
INSERT INTO rectifications_steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Fixed', fix_report, NULL, fixed_at, '' FROM rectifications_items WHERE source_kind = 'plans.task' AND fixed_at IS NOT NULL;
INSERT INTO rectifications_steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Verified', NULL, NULL, closed_at, closed_by FROM rectifications_items WHERE source_kind = 'plans.task' AND closed_at IS NOT NULL;
");

            migrationBuilder.DropTable(
                name: "plans_rectifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans_rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    fix_report = table.Column<string>(type: "TEXT", nullable: true),
                    fixed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_rectifications_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plans_rectifications_task_id",
                table: "plans_rectifications",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_rectifications_unit_id",
                table: "plans_rectifications",
                column: "unit_id");
        }
    }
}
