using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    document_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    issued_on = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source_file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plans_unit_mappings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    printed_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    printed_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_unit_mappings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plans_sections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    parent_id = table.Column<long>(type: "INTEGER", nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_sections_plans_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_tasks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    section_id = table.Column<long>(type: "INTEGER", nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    deadline_text = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    policies = table.Column<string>(type: "TEXT", nullable: false),
                    measures = table.Column<string>(type: "TEXT", nullable: false),
                    expected_effects = table.Column<string>(type: "TEXT", nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_tasks_plans_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "plans_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accepted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    accepted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_milestones_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    to_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    reply_by = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reply_text = table.Column<string>(type: "TEXT", nullable: true),
                    replied_at = table.Column<long>(type: "INTEGER", nullable: true),
                    replied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_notices_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_rectifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    notice_id = table.Column<long>(type: "INTEGER", nullable: true),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    problem = table.Column<string>(type: "TEXT", nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    raised_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fix_report = table.Column<string>(type: "TEXT", nullable: true),
                    fixed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "plans_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    milestone_id = table.Column<long>(type: "INTEGER", nullable: true),
                    reporting_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    is_lead = table.Column<bool>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    claims_done = table.Column<bool>(type: "INTEGER", nullable: false),
                    reported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_reports_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    comparator = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: true),
                    indicator_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_targets_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_task_units",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    task_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    printed_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    matched = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_group = table.Column<bool>(type: "INTEGER", nullable: false),
                    group_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_task_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_task_units_plans_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "plans_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_evidence",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    report_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_evidence_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "plans_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans_report_figures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    report_id = table.Column<long>(type: "INTEGER", nullable: false),
                    target_id = table.Column<long>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans_report_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_report_figures_plans_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "plans_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plans_report_figures_targets_target_id",
                        column: x => x.target_id,
                        principalTable: "plans_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plans_evidence_report_id",
                table: "plans_evidence",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_milestones_task_id",
                table: "plans_milestones",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_notices_task_id",
                table: "plans_notices",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_notices_to_unit_id",
                table: "plans_notices",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_plans_org_unit_id",
                table: "plans_plans",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_rectifications_task_id",
                table: "plans_rectifications",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_rectifications_unit_id",
                table: "plans_rectifications",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_report_figures_report_id",
                table: "plans_report_figures",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_report_figures_target_id",
                table: "plans_report_figures",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_reports_task_id_reported_at",
                table: "plans_reports",
                columns: new[] { "task_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_sections_plan_id_sort_order",
                table: "plans_sections",
                columns: new[] { "plan_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_targets_task_id",
                table: "plans_targets",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_task_units_task_id",
                table: "plans_task_units",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_task_units_unit_id",
                table: "plans_task_units",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_tasks_plan_id_sort_order",
                table: "plans_tasks",
                columns: new[] { "plan_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_plans_unit_mappings_org_unit_id_printed_key",
                table: "plans_unit_mappings",
                columns: new[] { "org_unit_id", "printed_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plans_evidence");

            migrationBuilder.DropTable(
                name: "plans_milestones");

            migrationBuilder.DropTable(
                name: "plans_notices");

            migrationBuilder.DropTable(
                name: "plans_rectifications");

            migrationBuilder.DropTable(
                name: "plans_report_figures");

            migrationBuilder.DropTable(
                name: "plans_sections");

            migrationBuilder.DropTable(
                name: "plans_task_units");

            migrationBuilder.DropTable(
                name: "plans_unit_mappings");

            migrationBuilder.DropTable(
                name: "plans_reports");

            migrationBuilder.DropTable(
                name: "plans_targets");

            migrationBuilder.DropTable(
                name: "plans_tasks");

            migrationBuilder.DropTable(
                name: "plans_plans");
        }
    }
}
