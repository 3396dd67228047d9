// Every workflow type the workers register. The exported function name is the workflow type:
// never rename one that has run in production.
export { notificationWorkflow } from './notification/notification.workflow';
