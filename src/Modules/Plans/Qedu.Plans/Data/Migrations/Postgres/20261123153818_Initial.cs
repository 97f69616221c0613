using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Plans.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "plans");

            migrationBuilder.CreateTable(
                name: "plans",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    document_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    issued_on = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source_file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_mappings",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    printed_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    printed_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_mappings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sections",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    parent_id = table.Column<long>(type: "bigint", nullable: true),
                    number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_sections_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "plans",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    section_id = table.Column<long>(type: "bigint", nullable: true),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    deadline_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    policies = table.Column<string>(type: "text", nullable: false),
                    measures = table.Column<string>(type: "text", nullable: false),
                    expected_effects = table.Column<string>(type: "text", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_tasks_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "plans",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestones_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    to_unit_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    reply_by = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reply_text = table.Column<string>(type: "text", nullable: true),
                    replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replied_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_notices_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rectifications",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    notice_id = table.Column<long>(type: "bigint", nullable: true),
                    unit_id = table.Column<int>(type: "integer", nullable: false),
                    problem = table.Column<string>(type: "text", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fix_report = table.Column<string>(type: "text", nullable: true),
                    fixed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "reports",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    milestone_id = table.Column<long>(type: "bigint", nullable: true),
                    reporting_unit_id = table.Column<int>(type: "integer", nullable: false),
                    is_lead = table.Column<bool>(type: "boolean", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    claims_done = table.Column<bool>(type: "boolean", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_reports_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    comparator = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: true),
                    indicator_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_targets_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_units",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    printed_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_id = table.Column<int>(type: "integer", nullable: true),
                    matched = table.Column<bool>(type: "boolean", nullable: false),
                    is_group = table.Column<bool>(type: "boolean", nullable: false),
                    group_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_task_units_tasks_task_id",
                        column: x => x.task_id,
                        principalSchema: "plans",
                        principalTable: "tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    report_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_reports_report_id",
                        column: x => x.report_id,
                        principalSchema: "plans",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_figures",
                schema: "plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    report_id = table.Column<long>(type: "bigint", nullable: false),
                    target_id = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_figures_reports_report_id",
                        column: x => x.report_id,
                        principalSchema: "plans",
                        principalTable: "reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_report_figures_targets_target_id",
                        column: x => x.target_id,
                        principalSchema: "plans",
                        principalTable: "targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_report_id",
                schema: "plans",
                table: "evidence",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_task_id",
                schema: "plans",
                table: "milestones",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_notices_task_id",
                schema: "plans",
                table: "notices",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_notices_to_unit_id",
                schema: "plans",
                table: "notices",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_org_unit_id",
                schema: "plans",
                table: "plans",
                column: "org_unit_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_report_figures_report_id",
                schema: "plans",
                table: "report_figures",
                column: "report_id");

            migrationBuilder.CreateIndex(
                name: "ix_report_figures_target_id",
                schema: "plans",
                table: "report_figures",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_reports_task_id_reported_at",
                schema: "plans",
                table: "reports",
                columns: new[] { "task_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sections_plan_id_sort_order",
                schema: "plans",
                table: "sections",
                columns: new[] { "plan_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_task_id",
                schema: "plans",
                table: "targets",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_units_task_id",
                schema: "plans",
                table: "task_units",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_task_units_unit_id",
                schema: "plans",
                table: "task_units",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_tasks_plan_id_sort_order",
                schema: "plans",
                table: "tasks",
                columns: new[] { "plan_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_mappings_org_unit_id_printed_key",
                schema: "plans",
                table: "unit_mappings",
                columns: new[] { "org_unit_id", "printed_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "milestones",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "notices",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "rectifications",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "report_figures",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "sections",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "task_units",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "unit_mappings",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "reports",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "targets",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "plans");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "plans");
        }
    }
}
