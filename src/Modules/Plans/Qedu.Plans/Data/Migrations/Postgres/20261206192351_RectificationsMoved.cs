using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Postgres
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
INSERT INTO rectifications.items (org_unit_id, raised_by_unit_id, source_kind, source_id, source_item_id, source_title, source_url, finding, serious, due_on, recheck_on, fix_permission, verify_permission, fix_needs_evidence, state, raised_at, raised_by, fix_report, fixed_at, fixed_by, verified_at, verified_by, closed_at, closed_by, escalated_to_unit_id, escalated_at, returns)
SELECT r.unit_id, t.org_unit_id, 'plans.task', r.task_id, r.notice_id, LEFT(t.number || ' ' || t.title, 300), '/plans/tasks/' || r.task_id, r.problem, FALSE, r.due_on, NULL,
       'plans.report', 'plans.manage', FALSE,
       CASE WHEN r.closed_at IS NOT NULL THEN 'Closed' WHEN r.fixed_at IS NOT NULL THEN 'Fixed' ELSE 'Open' END,
       r.raised_at, r.raised_by, r.fix_report, r.fixed_at, NULL, r.closed_at, r.closed_by, r.closed_at, r.closed_by, NULL, NULL, 0
FROM plans.rectifications r JOIN plans.tasks t ON t.id = r.task_id
ORDER BY r.id;
INSERT INTO rectifications.steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Raised', NULL, NULL, raised_at, raised_by FROM rectifications.items WHERE source_kind = 'plans.task';
INSERT INTO rectifications.steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Fixed', fix_report, NULL, fixed_at, '' FROM rectifications.items WHERE source_kind = 'plans.task' AND fixed_at IS NOT NULL;
INSERT INTO rectifications.steps (org_unit_id, rectification_id, kind, text, due_on, ""at"", ""by"")
SELECT org_unit_id, id, 'Verified', NULL, NULL, closed_at, closed_by FROM rectifications.items WHERE source_kind = 'plans.task' AND closed_at IS NOT NULL;
");

            migrationBuilder.DropTable(
                name: "rectifications",
                schema: "plans");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rectifications",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    fix_report = table.Column<string>(type: "text", nullable: true),
                    fixed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notice_id = table.Column<long>(type: "bigint", nullable: true),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "text", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rectifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_rectifications_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_task_id",
                schema: "plans",
                table: "rectifications",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_rectifications_unit_id",
                schema: "plans",
                table: "rectifications",
                column: "unit_id");
        }
    }
}
