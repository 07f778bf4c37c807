/** Portal pages that recommend, edit and show care plans (PLAN-13, PLAN-14). */
package app.lumbra.web.portal.plans;
