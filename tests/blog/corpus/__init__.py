"""Documents written the way editors write them (Word's own styles, pictures pasted in), built
by hand in each test rather than from the demo content."""
