/**
 * Ends the current task and resumes in a new one, so the page can handle input and paint
 * in between: how the overlay keeps work on large claims out of long tasks.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
